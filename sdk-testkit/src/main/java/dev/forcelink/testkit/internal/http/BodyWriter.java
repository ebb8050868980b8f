package dev.forcelink.testkit.internal.http;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a streamed response body; the stream is chunked (and gzipped when asked) by the exchange. */
@FunctionalInterface
public interface BodyWriter {

    /**
     * @param out where to write; do not close it
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;
}

package dev.forcelink.testkit.internal.bulk;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes written through it. {@link #flush()} does not reach the stream below, so that a CSV writer
 * flushing after every record (to learn each record's offset) does not turn into a system call per record.
 *
 * <p>Not thread-safe.
 */
final class CountingOutputStream extends FilterOutputStream {

    private long count;

    CountingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
    }

    @Override
    public void flush() {
        // Deliberately not passed on; see the class comment. close() still flushes the stream below.
    }

    /** Flushes the stream below for real. */
    void flushThrough() throws IOException {
        out.flush();
    }

    /** @return bytes written so far */
    long count() {
        return count;
    }
}

package dev.forcelink.testkit.internal.bulk;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One CSV result of an ingest job (successful, failed or unprocessed rows), appended to a temporary file while the
 * job runs. Readers see every row appended before their request: the file is read up to the length committed after
 * the last complete append.
 *
 * <p>Thread-safe for one appending thread and any number of readers.
 */
final class ResultFile {

    private final Path path;
    private final CountingOutputStream counter;
    private final CsvWriter writer;
    private volatile long committed;
    private boolean closed;

    ResultFile(Path path, CsvFormat format, List<String> header) throws IOException {
        this.path = path;
        this.counter = new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024));
        this.writer = format.writer(counter);
        append(List.of(header));
    }

    /** Appends rows and makes them visible to readers. Only the processing thread calls this. */
    synchronized void append(List<List<String>> rows) throws IOException {
        if (closed) {
            return;
        }
        for (List<String> row : rows) {
            writer.writeRecord(row);
        }
        counter.flushThrough();
        committed = counter.count();
    }

    /** Finishes writing; the file stays readable. */
    synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }

    /** @return the number of readable bytes */
    long length() {
        return committed;
    }

    /**
     * Copies the committed bytes.
     *
     * @param out where to write
     * @param limit the most bytes to copy
     */
    void copyTo(OutputStream out, long limit) throws IOException {
        long length = Math.min(limit, committed);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            copyRange(channel, 0, length, out);
        }
    }

    /** Closes the writer and deletes the file. */
    synchronized void delete() {
        try {
            close();
        } catch (IOException e) {
            // The file goes anyway.
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the Bulk result file " + path, e);
        }
    }

    static void copyRange(FileChannel channel, long from, long length, OutputStream out) throws IOException {
        var target = Channels.newChannel(out);
        long position = from;
        long end = from + length;
        while (position < end) {
            long sent = channel.transferTo(position, end - position, target);
            if (sent <= 0) {
                throw new IOException("The Bulk result file ended before offset " + end);
            }
            position += sent;
        }
    }
}

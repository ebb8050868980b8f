package dev.forcelink.testkit.internal.bulk;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The CSV result of a query job, kept compactly on disk: a data file with every row and an index file with each
 * row's byte offset (8 bytes a row), so that any page {@code [from, to)} is served by two index reads and one file
 * range, and the same page always has the same bytes. Only the header stays in memory.
 *
 * <p>Written once by {@link Writer}, then thread-safe for any number of readers.
 */
final class QueryResultFile {

    private final Path data;
    private final Path index;
    private final byte[] header;
    private final long rows;
    private final long dataLength;

    private QueryResultFile(Path data, Path index, byte[] header, long rows, long dataLength) {
        this.data = data;
        this.index = index;
        this.header = header;
        this.rows = rows;
        this.dataLength = dataLength;
    }

    /** @return the number of result rows */
    long rows() {
        return rows;
    }

    /** @return the bytes of all rows on disk, without the header */
    long dataLength() {
        return dataLength;
    }

    /** @return the size of the index on disk */
    long indexLength() throws IOException {
        return Files.size(index);
    }

    /**
     * @param from the first row, 0-based
     * @param to one past the last row
     * @return the byte length of the page: the header and rows {@code [from, to)}
     */
    long pageLength(long from, long to) throws IOException {
        return header.length + offsetOf(to) - offsetOf(from);
    }

    /** Writes the header and rows {@code [from, to)}. */
    void writePage(long from, long to, OutputStream out) throws IOException {
        out.write(header);
        long start = offsetOf(from);
        long end = offsetOf(to);
        try (FileChannel channel = FileChannel.open(data, StandardOpenOption.READ)) {
            ResultFile.copyRange(channel, start, end - start, out);
        }
    }

    /** Deletes both files. */
    void delete() throws IOException {
        Files.deleteIfExists(data);
        Files.deleteIfExists(index);
    }

    private long offsetOf(long row) throws IOException {
        if (row < 0 || row > rows) {
            throw new IllegalArgumentException("row " + row + " is outside the result of " + rows + " rows");
        }
        if (row == rows) {
            return dataLength;
        }
        try (FileChannel channel = FileChannel.open(index, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, row * Long.BYTES + buffer.position()) < 0) {
                    throw new IOException("The Bulk query index ends before row " + row);
                }
            }
            return buffer.flip().getLong();
        }
    }

    /**
     * Writes a result row by row, recording each row's offset. Not thread-safe: one query run owns it.
     */
    static final class Writer implements AutoCloseable {

        private final Path data;
        private final Path index;
        private final byte[] header;
        private final CountingOutputStream counter;
        private final CsvWriter csv;
        private final DataOutputStream offsets;
        private long rows;
        private boolean finished;

        /**
         * @param data the data file to create
         * @param index the index file to create
         * @param format the job's CSV dialect
         * @param columns the header
         */
        Writer(Path data, Path index, CsvFormat format, List<String> columns) throws IOException {
            this.data = data;
            this.index = index;
            ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
            try (CsvWriter headerWriter = format.writer(headerBytes)) {
                headerWriter.writeRecord(columns);
            }
            this.header = headerBytes.toByteArray();
            this.counter = new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(data), 64 * 1024));
            this.csv = format.writer(counter);
            this.offsets = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(index), 16 * 1024));
        }

        /** Appends one row. */
        void row(List<String> values) throws IOException {
            offsets.writeLong(counter.count());
            csv.writeRecord(values);
            rows++;
        }

        /** @return the rows written so far */
        long rows() {
            return rows;
        }

        /** Closes the files and returns the readable result. */
        QueryResultFile finish() throws IOException {
            finished = true;
            csv.close();
            offsets.close();
            return new QueryResultFile(data, index, header, rows, counter.count());
        }

        /** Closes the files; when not finished, deletes them. */
        @Override
        public void close() throws IOException {
            if (!finished) {
                try {
                    csv.close();
                    offsets.close();
                } finally {
                    Files.deleteIfExists(data);
                    Files.deleteIfExists(index);
                }
            }
        }
    }
}

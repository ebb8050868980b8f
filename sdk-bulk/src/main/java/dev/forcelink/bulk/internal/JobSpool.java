package dev.forcelink.bulk.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * One job's upload, spooled to a temporary file as it is encoded: the header and the encoded rows,
 * their input row numbers and a {@link RowIndex} from match-key digest to position in the spool. The file makes the upload
 * replayable whatever the source (a one-shot stream included), gives the upload an exact length, and
 * lets failed rows be re-read for a resubmission. Not thread-safe: one thread fills it, then any
 * thread may read it.
 */
public final class JobSpool implements AutoCloseable {
  private final Path file;
  private final CsvCodec codec;
  private final List<String> columns;
  private final int[] keyPositions;
  private final long maxBytes;
  private final long maxRows;
  private final OutputStream out;
  private final RowIndex index = new RowIndex();
  private long[] rowNumbers = new long[256];
  private int rows;
  private long bytes;
  private boolean finished;

  /**
   * Creates an empty spool and writes the header.
   *
   * @param dir the directory for the temporary file
   * @param codec the job's CSV dialect
   * @param columns the header
   * @param keyPositions the columns whose values identify a row in the results
   * @param maxBytes the most bytes of CSV the job may hold
   * @param maxRows the most rows the job may hold
   * @throws UncheckedIOException if the file cannot be created
   */
  public JobSpool(Path dir, CsvCodec codec, List<String> columns, int[] keyPositions, long maxBytes, long maxRows) {
    this.codec = codec;
    this.columns = List.copyOf(columns);
    this.keyPositions = keyPositions.clone();
    this.maxBytes = maxBytes;
    this.maxRows = maxRows;
    try {
      this.file = Files.createTempFile(dir, "forcelink-bulk-job-", ".csv");
      this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
      byte[] header = new RowEncoder(codec).encode(columns.toArray(new String[0]));
      out.write(header);
      bytes = header.length;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a spool file for a bulk job in " + dir, e);
    }
  }

  /**
   * Appends a row if it fits within the job's limits.
   *
   * @param row the cell values
   * @param encoded the row as encoded by a {@link RowEncoder} of the same codec
   * @param rowNumber the row's input number
   * @return false when the row does not fit and belongs in the next job
   * @throws IllegalArgumentException if the row alone is larger than a job may be
   */
  public boolean tryAppend(String[] row, byte[] encoded, long rowNumber) {
    if (finished) {
      throw new IllegalStateException("spool already finished");
    }
    if (rows >= maxRows || bytes + encoded.length > maxBytes) {
      if (rows == 0) {
        throw new IllegalArgumentException("Input row " + rowNumber + " is " + encoded.length
            + " bytes of CSV, more than one job may hold (" + maxBytes + " bytes with the header)");
      }
      return false;
    }
    try {
      out.write(encoded);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to the bulk job spool file " + file, e);
    }
    if (rows == rowNumbers.length) {
      rowNumbers = Arrays.copyOf(rowNumbers, rows * 2);
    }
    index.add(RowDigest.of(row, keyPositions), rows);
    rowNumbers[rows++] = rowNumber;
    bytes += encoded.length;
    return true;
  }

  /** Closes the file for writing and seals the index. */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to the bulk job spool file " + file, e);
    }
    index.seal();
  }

  /** @return the spool file */
  public Path file() {
    return file;
  }

  /** @return the header */
  public List<String> columns() {
    return columns;
  }

  /** @return the positions of the match-key columns */
  public int[] keyPositions() {
    return keyPositions.clone();
  }

  /** @return the CSV dialect */
  public CsvCodec codec() {
    return codec;
  }

  /** @return the number of rows */
  public int rows() {
    return rows;
  }

  /** @return the size of the CSV in bytes */
  public long bytes() {
    return bytes;
  }

  /** @return the index of match keys; sealed once {@link #finish()} ran */
  public RowIndex index() {
    return index;
  }

  /**
   * Returns the input row number of the i-th spooled row.
   *
   * @param i the position in the spool
   * @return the input row number
   */
  public long rowNumberAt(int i) {
    return rowNumbers[i];
  }

  /**
   * Reads the spooled rows back, in upload order.
   *
   * @param visitor receives each row's position in the spool and its values
   * @throws UncheckedIOException if the file cannot be read
   */
  public void forEachRow(RowVisitor visitor) {
    try (CsvReader<CsvRecord> reader = codec.reader(new BufferedInputStream(Files.newInputStream(file)))) {
      Iterator<CsvRecord> it = reader.iterator();
      if (it.hasNext()) {
        it.next();
      }
      int i = 0;
      while (it.hasNext()) {
        visitor.visit(i, it.next().getFields().toArray(new String[0]));
        i++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bulk job spool file " + file, e);
    }
  }

  /** Receives spooled rows. */
  @FunctionalInterface
  public interface RowVisitor {
    /**
     * Receives one row.
     *
     * @param position the row's position in the spool
     * @param values its values
     */
    void visit(int position, String[] values);
  }

  /** Deletes the file. Idempotent; never throws. */
  @Override
  public void close() {
    try {
      if (!finished) {
        out.close();
        finished = true;
      }
    } catch (IOException e) {
      // Deleting below is what matters.
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }
}

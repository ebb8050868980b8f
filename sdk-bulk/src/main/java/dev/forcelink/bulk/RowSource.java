package dev.forcelink.bulk;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forcelink.bulk.internal.CsvCodec;
import dev.forcelink.bulk.internal.SalesforceValues;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where an ingest load's rows come from: maps, user objects through a {@link RowMapper}, a CSV file
 * or stream, or a {@link RowWriter}. Every source is read once, as the load streams: each row is
 * formatted, encoded by FastCSV and spooled to its job's temporary file before the next row is read,
 * so a one-shot source (a {@code Stream}, a socket) is fine and a failed upload is replayed from the
 * spool file, never from the source.
 *
 * <p><b>Cells.</b> A null value becomes {@code #N/A} (sets the field to null); a missing map key,
 * {@link RowMapper#UNCHANGED} or an empty string becomes an empty cell (leaves the field
 * unchanged). Other values: {@code Boolean} → {@code true}/{@code false}; numbers in plain
 * notation; {@code LocalDate} → {@code 2024-03-01}; {@code Instant}, {@code OffsetDateTime},
 * {@code ZonedDateTime}, {@code Date} → UTC {@code 2024-03-01T12:30:00.000Z}; {@code LocalTime} →
 * {@code 12:30:00.000Z}; enums by name; strings as they are. Row numbers in results count data rows
 * from 1 in source order.
 *
 * <p>Immutable; a source wrapping a one-shot stream can be loaded once.
 */
public abstract class RowSource {
  RowSource() {}

  /** Pushes the header, then every formatted row, into the consumer. */
  abstract void feed(RowConsumer consumer);

  /**
   * A source of maps whose columns are the keys of the first map, in its iteration order (use a
   * {@code LinkedHashMap} for a stable order).
   *
   * @param records the records; read once
   * @return the source
   */
  public static RowSource ofMaps(Iterable<? extends Map<String, ?>> records) {
    Objects.requireNonNull(records, "records");
    return new MapSource(null, records.iterator());
  }

  /**
   * A source of maps whose columns are the keys of the first map.
   *
   * @param records the records; consumed once and closed
   * @return the source
   */
  public static RowSource ofMaps(Stream<? extends Map<String, ?>> records) {
    Objects.requireNonNull(records, "records");
    return new MapSource(null, records.iterator(), records);
  }

  /**
   * A source of maps with explicit columns; a map may leave any column out (its cell stays empty).
   *
   * @param columns the header
   * @param records the records; read once
   * @return the source
   * @throws IllegalArgumentException if the columns are empty or repeat a name
   */
  public static RowSource ofMaps(List<String> columns, Iterable<? extends Map<String, ?>> records) {
    Objects.requireNonNull(records, "records");
    return new MapSource(checkColumns(columns), records.iterator());
  }

  /**
   * A source of user objects.
   *
   * @param items the objects; read once
   * @param mapper extracts each column's value
   * @param <T> the object type
   * @return the source
   */
  public static <T> RowSource of(Iterable<? extends T> items, RowMapper<T> mapper) {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(mapper, "mapper");
    return new MappedSource<>(items.iterator(), mapper, null);
  }

  /**
   * A source of user objects from a stream.
   *
   * @param items the objects; consumed once and closed
   * @param mapper extracts each column's value
   * @param <T> the object type
   * @return the source
   */
  public static <T> RowSource of(Stream<? extends T> items, RowMapper<T> mapper) {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(mapper, "mapper");
    return new MappedSource<>(items.iterator(), mapper, items);
  }

  /**
   * A source of rows pushed by a writer.
   *
   * @param columns the header
   * @param writer produces the rows; called once
   * @return the source
   * @throws IllegalArgumentException if the columns are empty or repeat a name
   */
  public static RowSource fromWriter(List<String> columns, RowWriter writer) {
    Objects.requireNonNull(writer, "writer");
    return new WriterSource(checkColumns(columns), writer);
  }

  /**
   * A UTF-8 CSV file with a header line, comma-separated by RFC 4180 (quoted fields may hold
   * commas, quotes and line breaks). Cells are sent as they are: write {@code #N/A} to clear a field.
   *
   * @param file the file
   * @return the source
   */
  public static RowSource ofCsv(Path file) {
    return ofCsv(file, ColumnDelimiter.COMMA);
  }

  /**
   * A UTF-8 CSV file with a header line and the given delimiter.
   *
   * @param file the file
   * @param delimiter its field separator
   * @return the source
   */
  public static RowSource ofCsv(Path file, ColumnDelimiter delimiter) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(delimiter, "delimiter");
    return new CsvSource(() -> Files.newInputStream(file), delimiter, file.toString());
  }

  /**
   * A UTF-8 comma-separated CSV stream with a header line; read once and closed.
   *
   * @param in the stream
   * @return the source
   */
  public static RowSource ofCsv(InputStream in) {
    return ofCsv(in, ColumnDelimiter.COMMA);
  }

  /**
   * A UTF-8 CSV stream with a header line and the given delimiter; read once and closed.
   *
   * @param in the stream
   * @param delimiter its field separator
   * @return the source
   */
  public static RowSource ofCsv(InputStream in, ColumnDelimiter delimiter) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(delimiter, "delimiter");
    return new CsvSource(() -> in, delimiter, "the input stream");
  }

  static List<String> checkColumns(List<String> columns) {
    Objects.requireNonNull(columns, "columns");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("At least one column is needed");
    }
    List<String> seen = new ArrayList<>();
    for (String c : columns) {
      Objects.requireNonNull(c, "column name");
      if (c.isBlank()) {
        throw new IllegalArgumentException("A column name must not be blank");
      }
      String lower = c.toLowerCase(Locale.ROOT);
      if (seen.contains(lower)) {
        throw new IllegalArgumentException("Column " + c + " appears twice");
      }
      seen.add(lower);
    }
    return List.copyOf(columns);
  }

  static String cell(String column, Object value) {
    if (value == RowMapper.UNCHANGED) {
      return "";
    }
    return SalesforceValues.format(column, value);
  }

  /** Formats maps against a fixed header. */
  static final class MapRows {
    private final List<String> columns;
    private final Map<String, Integer> positions = new HashMap<>();

    MapRows(List<String> columns) {
      this.columns = columns;
      for (int i = 0; i < columns.size(); i++) {
        positions.put(columns.get(i), i);
      }
    }

    String[] format(Map<String, ?> record, long rowNumber) {
      String[] cells = new String[columns.size()];
      java.util.Arrays.fill(cells, "");
      for (Map.Entry<String, ?> e : record.entrySet()) {
        Integer p = positions.get(e.getKey());
        if (p == null) {
          throw new IllegalArgumentException("Row " + rowNumber + " has key '" + e.getKey()
              + "', which is not one of the columns " + columns
              + "; pass the full column list to RowSource.ofMaps(columns, records)");
        }
        cells[p] = cell(e.getKey(), e.getValue());
      }
      return cells;
    }
  }

  private static final class MapSource extends RowSource {
    private final List<String> columns;
    private final Iterator<? extends Map<String, ?>> records;
    private final AutoCloseable onClose;

    MapSource(List<String> columns, Iterator<? extends Map<String, ?>> records) {
      this(columns, records, null);
    }

    MapSource(List<String> columns, Iterator<? extends Map<String, ?>> records, AutoCloseable onClose) {
      this.columns = columns;
      this.records = records;
      this.onClose = onClose;
    }

    @Override
    void feed(RowConsumer consumer) {
      try {
        MapRows rows = null;
        long n = 0;
        if (columns != null) {
          rows = new MapRows(columns);
          consumer.header(columns);
        }
        while (records.hasNext()) {
          Map<String, ?> record = Objects.requireNonNull(records.next(), "a record is null");
          n++;
          if (rows == null) {
            List<String> first = checkColumns(new ArrayList<>(record.keySet()));
            rows = new MapRows(first);
            consumer.header(first);
          }
          consumer.row(rows.format(record, n));
        }
        if (rows == null) {
          consumer.header(List.of());
        }
      } finally {
        closeQuietly(onClose);
      }
    }
  }

  private static final class MappedSource<T> extends RowSource {
    private final Iterator<? extends T> items;
    private final RowMapper<T> mapper;
    private final AutoCloseable onClose;

    MappedSource(Iterator<? extends T> items, RowMapper<T> mapper, AutoCloseable onClose) {
      this.items = items;
      this.mapper = mapper;
      this.onClose = onClose;
    }

    @Override
    void feed(RowConsumer consumer) {
      try {
        List<String> columns = mapper.columns();
        consumer.header(columns);
        while (items.hasNext()) {
          Object[] values = mapper.values(items.next());
          String[] cells = new String[values.length];
          for (int i = 0; i < values.length; i++) {
            cells[i] = cell(columns.get(i), values[i]);
          }
          consumer.row(cells);
        }
      } finally {
        closeQuietly(onClose);
      }
    }
  }

  private static final class WriterSource extends RowSource {
    private final List<String> columns;
    private final RowWriter writer;

    WriterSource(List<String> columns, RowWriter writer) {
      this.columns = columns;
      this.writer = writer;
    }

    @Override
    void feed(RowConsumer consumer) {
      consumer.header(columns);
      MapRows byName = new MapRows(columns);
      long[] n = {0};
      RowSink sink = new RowSink() {
        @Override
        public void row(Object... values) {
          n[0]++;
          if (values.length != columns.size()) {
            throw new IllegalArgumentException("Row " + n[0] + " has " + values.length + " values for "
                + columns.size() + " columns " + columns);
          }
          String[] cells = new String[values.length];
          for (int i = 0; i < values.length; i++) {
            cells[i] = cell(columns.get(i), values[i]);
          }
          consumer.row(cells);
        }

        @Override
        public void row(Map<String, ?> values) {
          n[0]++;
          consumer.row(byName.format(values, n[0]));
        }
      };
      try {
        writer.writeRows(sink);
      } catch (IOException e) {
        throw new UncheckedIOException("The RowWriter failed after " + n[0] + " rows", e);
      }
    }
  }

  @FunctionalInterface
  private interface StreamOpener {
    InputStream open() throws IOException;
  }

  private static final class CsvSource extends RowSource {
    private final StreamOpener opener;
    private final ColumnDelimiter delimiter;
    private final String name;

    CsvSource(StreamOpener opener, ColumnDelimiter delimiter, String name) {
      this.opener = opener;
      this.delimiter = delimiter;
      this.name = name;
    }

    @Override
    void feed(RowConsumer consumer) {
      CsvCodec codec = new CsvCodec(delimiter.character(), "\n");
      try (CsvReader<CsvRecord> reader = codec.reader(new BufferedInputStream(opener.open()))) {
        Iterator<CsvRecord> it = reader.iterator();
        if (!it.hasNext()) {
          throw new IllegalArgumentException("The CSV in " + name + " is empty; it needs a header line");
        }
        List<String> header = checkColumns(it.next().getFields());
        consumer.header(header);
        while (it.hasNext()) {
          consumer.row(it.next().getFields().toArray(new String[0]));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the CSV in " + name, e);
      } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
        throw new IllegalArgumentException("The CSV in " + name + " is malformed: " + e.getMessage(), e);
      }
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // The load's outcome does not depend on closing the caller's stream.
    }
  }
}

package dev.forcelink.testkit.internal.bulk;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The CSV dialect of one job: its column delimiter and line ending, for reading uploads and writing results.
 * Immutable and thread-safe.
 *
 * @param delimiter the job's {@code columnDelimiter}
 * @param lineEnding the job's {@code lineEnding}
 */
record CsvFormat(ColumnDelimiter delimiter, LineEnding lineEnding) {

    /**
     * Opens an upload for streaming. Rows shorter than the header read as empty cells and longer rows are read
     * whole (the extra cells are ignored), rather than failing the job.
     */
    CsvReader<CsvRecord> reader(Path file) throws IOException {
        return CsvReader.builder().fieldSeparator(delimiter.character()).skipEmptyLines(true)
                .allowMissingFields(true).allowExtraFields(true).detectBomHeader(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8);
    }

    /**
     * A writer in Salesforce's result style: every non-empty value quoted, nulls as empty cells.
     *
     * @param out where to write; the writer flushes into it after every record
     */
    CsvWriter writer(OutputStream out) {
        return CsvWriter.builder().fieldSeparator(delimiter.character()).lineDelimiter(lineEnding.delimiter())
                .quoteStrategy(QuoteStrategies.NON_EMPTY).autoFlush(true).build(out, StandardCharsets.UTF_8);
    }
}

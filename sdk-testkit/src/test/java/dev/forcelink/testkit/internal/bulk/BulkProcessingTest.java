package dev.forcelink.testkit.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forcelink.testkit.internal.EmulatorRuntime;
import dev.forcelink.testkit.internal.auth.TokenStore;
import dev.forcelink.testkit.internal.http.Router;
import dev.forcelink.testkit.internal.org.ChangeLog;
import dev.forcelink.testkit.internal.org.ChangeLogEntry;
import dev.forcelink.testkit.internal.org.ChangeType;
import dev.forcelink.testkit.internal.org.DefaultSchema;
import dev.forcelink.testkit.internal.org.OrgIdentity;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.SalesforceIds;
import dev.forcelink.testkit.internal.org.WriteContext;
import dev.forcelink.testkit.internal.rest.ApiLimits;
import dev.forcelink.testkit.internal.rest.DataApi;
import dev.forcelink.testkit.internal.soql.SoqlPreparedQuery;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processing below the HTTP layer: what reaches the store and its change log, and how large results are kept. */
class BulkProcessingTest {

    private static final String USER = SalesforceIds.random("005");

    @TempDir
    Path work;

    private RecordStore store;
    private BulkContext context;

    @BeforeEach
    void setUp() {
        OrgSchema schema = DefaultSchema.create();
        Clock clock = Clock.systemUTC();
        store = new RecordStore(schema, clock, new SalesforceIds("5g", 1), 300_000, new ChangeLog(1_000));
        ApiLimits limits = new ApiLimits(100_000, () -> 0);
        Router router = new Router();
        TokenStore tokens = new TokenStore(clock, Duration.ofHours(1), 10, "00D000000000001");
        EmulatorRuntime runtime = new EmulatorRuntime(new OrgIdentity(SalesforceIds.random("00D"), USER, "u", "p",
                "t", "c", "s", "F", "L", "u@example.com"), schema, store, router,
                new DataApi(router, tokens, limits, false), limits, tokens, clock, "http://127.0.0.1:1",
                "http://127.0.0.1:1", "127.0.0.1", 2, null);
        context = new BulkContext(runtime, new JobRegistry(), Executors.newSingleThreadExecutor(), work);
    }

    @AfterEach
    void tearDown() {
        context.executor().shutdownNow();
    }

    @Test
    void ingestWritesGoThroughTheStoreAndReachTheChangeLogWithTheBulkOrigin() throws Exception {
        Job.Fields fields = fields("upsert", "62.0");
        Path directory = Files.createDirectories(work.resolve("job"));
        IngestJob job = new IngestJob(fields, "External_ERP_Id__c", null,
                "com/salesforce/api/bulkapi/62.0;client=loader", directory);
        job.upload(new java.io.ByteArrayInputStream("External_ERP_Id__c,Name\nE-1,One\nE-2,Two\n"
                .getBytes(StandardCharsets.UTF_8)));
        job.transition(JobState.UPLOAD_COMPLETE, JobState.OPEN);

        new IngestProcessor(context, job).run();

        assertThat(job.state()).isEqualTo(JobState.JOB_COMPLETE);
        assertThat(store.count("Account")).isEqualTo(2);
        List<ChangeLogEntry> entries = store.changeLog().entries();
        assertThat(entries).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.changeType()).isEqualTo(ChangeType.CREATE);
            assertThat(entry.changeOrigin()).isEqualTo("com/salesforce/api/bulkapi/62.0;client=loader");
            assertThat(entry.commitUser()).isEqualTo(USER);
        });
        assertThat(entries).extracting(ChangeLogEntry::commitNumber).containsOnly(entries.get(0).commitNumber());
        assertThat(context.runtime().limits().used("DailyBulkApiBatches")).isEqualTo(1);
    }

    /** Takes a few seconds: most of it is seeding 200,000 records into the store. */
    @Test
    void largeQueryRunsSliceBySliceIntoAFileIndexedByRow() throws Exception {
        int total = 200_000;
        // A narrow custom object keeps seeding 200,000 records quick; the query path is the same as for Account.
        store.schema().declareCustomObject("Row__c", null, null, false, List.of());
        for (int from = 0; from < total; from += 10_000) {
            int first = from;
            store.transaction(WriteContext.of(USER), tx -> {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = first; i < first + 10_000; i++) {
                    values.put("Name", "Row " + i);
                    tx.insert("Row__c", values);
                }
                return null;
            });
        }
        SoqlPreparedQuery query = context.engine().prepare("SELECT Id, Name FROM Row__c", context.catalog());
        QueryRunner runner = new QueryRunner(context.engine(), store, QueryRunner.SLICE_SIZE);
        QueryResultFile result;
        try (QueryResultFile.Writer writer = new QueryResultFile.Writer(work.resolve("r.csv"), work.resolve("r.idx"),
                new CsvFormat(ColumnDelimiter.COMMA, LineEnding.LF), query.columnPaths())) {
            runner.run(query, false, writer, () -> false, rows -> { });
            result = writer.finish();
        }

        // No more than one slice of result rows was ever held; the rows live in the file, one offset per row.
        assertThat(runner.slicesRun()).isEqualTo(total / QueryRunner.SLICE_SIZE);
        assertThat(runner.largestSlice()).isEqualTo(QueryRunner.SLICE_SIZE);
        assertThat(result.rows()).isEqualTo(total);
        assertThat(result.indexLength()).isEqualTo((long) total * Long.BYTES);
        assertThat(Files.size(work.resolve("r.csv"))).isEqualTo(result.dataLength()).isGreaterThan(total * 20L);
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        result.writePage(199_998, 200_000, page);
        List<List<String>> rows = CsvReader.builder().ofCsvRecord(page.toString(StandardCharsets.UTF_8)).stream()
                .map(CsvRecord::getFields).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("Id", "Name");
        assertThat(rows.get(1).get(1)).isEqualTo("Row 199998");
        assertThat(rows.get(2).get(1)).isEqualTo("Row 199999");
        assertThat(result.pageLength(199_998, 200_000)).isEqualTo(page.size());
    }

    @Test
    void orderedQueryRunsOnceOverAllRecords() throws Exception {
        for (String name : List.of("b", "c", "a")) {
            store.insert(WriteContext.of(USER), "Account", Map.of("Name", name));
        }
        SoqlPreparedQuery query = context.engine().prepare("SELECT Name FROM Account ORDER BY Name DESC",
                context.catalog());
        QueryRunner runner = new QueryRunner(context.engine(), store, 1);
        QueryResultFile result;
        try (QueryResultFile.Writer writer = new QueryResultFile.Writer(work.resolve("o.csv"), work.resolve("o.idx"),
                new CsvFormat(ColumnDelimiter.PIPE, LineEnding.CRLF), query.columnPaths())) {
            runner.run(query, false, writer, () -> false, rows -> { });
            result = writer.finish();
        }
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        result.writePage(0, 3, page);

        assertThat(runner.slicesRun()).isEqualTo(1);
        assertThat(page.toString(StandardCharsets.UTF_8)).isEqualTo("\"Name\"\r\n\"c\"\r\n\"b\"\r\n\"a\"\r\n");
    }

    private Job.Fields fields(String operation, String version) {
        Job.Fields fields = new Job.Fields();
        context.jobs().assignId(fields);
        fields.operation = operation;
        fields.object = "Account";
        fields.createdById = USER;
        fields.apiVersion = version;
        fields.clock = Clock.systemUTC();
        return fields;
    }
}

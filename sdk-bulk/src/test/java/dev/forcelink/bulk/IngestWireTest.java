package dev.forcelink.bulk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.forcelink.core.SalesforceConnection;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact Bulk ingest exchanges, checked on WireMock's journal. */
@WireMockTest
class IngestWireTest {
  static final String JOBS = "/services/data/v65.0/jobs/ingest";
  static final String JOB_A = "750000000000000AAA";
  static final String JOB_B = "750000000000000BBB";

  @TempDir Path temp;

  static String info(String id, String state, String delimiter, String lineEnding) {
    return "{\"id\":\"" + id + "\",\"operation\":\"insert\",\"object\":\"Opportunity\",\"state\":\"" + state
        + "\",\"apiVersion\":65.0,\"columnDelimiter\":\"" + delimiter + "\",\"lineEnding\":\"" + lineEnding
        + "\",\"contentUrl\":\"services/data/v65.0/jobs/ingest/" + id + "/batches\"}";
  }

  static void stubJob(String id, String delimiter, String lineEnding) {
    stubFor(put(urlEqualTo(JOBS + "/" + id + "/batches")).willReturn(aResponse().withStatus(201)));
    stubFor(patch(urlEqualTo(JOBS + "/" + id)).willReturn(okJson(info(id, "UploadComplete", delimiter, lineEnding))));
    stubFor(get(urlEqualTo(JOBS + "/" + id)).willReturn(okJson(info(id, "JobComplete", delimiter, lineEnding))));
    for (String set : List.of("successfulResults/", "failedResults/", "unprocessedrecords/")) {
      stubFor(get(urlEqualTo(JOBS + "/" + id + "/" + set))
          .willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody("")));
    }
  }

  static Stream<Arguments> dialects() {
    List<Arguments> out = new ArrayList<>();
    for (ColumnDelimiter d : ColumnDelimiter.values()) {
      for (LineEnding e : LineEnding.values()) {
        out.add(Arguments.of(d, e));
      }
    }
    return out.stream();
  }

  /** One opportunity whose values exercise quoting, nulls, unchanged cells and Salesforce formats. */
  record Deal(String name, String description, BigDecimal amount, LocalDate close, Instant seen, Boolean won) { }

  static final RowMapper<Deal> MAPPER = RowMapper.<Deal>builder()
      .column("Name", Deal::name)
      .column("Description", Deal::description)
      .column("Amount", Deal::amount)
      .column("CloseDate", Deal::close)
      .column("Seen__c", Deal::seen)
      .column("IsWon__c", Deal::won)
      .column("StageName", d -> RowMapper.UNCHANGED)
      .build();

  /** RFC 4180 as the test's oracle: quote a field holding the delimiter, a quote, CR or LF. */
  static String cell(String v, char delimiter) {
    boolean quote = v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  static String line(char delimiter, String eol, String... cells) {
    return Stream.of(cells).map(c -> cell(c, delimiter)).collect(Collectors.joining(String.valueOf(delimiter))) + eol;
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void createUploadAndCloseSendExactlyTheDocumentedRequests(ColumnDelimiter delimiter, LineEnding ending,
      WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(JOBS)).willReturn(okJson(info(JOB_A, "Open", delimiter.name(), ending.name()))));
    stubJob(JOB_A, delimiter.name(), ending.name());
    List<Deal> deals = List.of(
        new Deal("Acme, Inc.", "line one\nline \"two\"", new BigDecimal("1E+3"), LocalDate.of(2024, 3, 1),
            Instant.parse("2024-03-01T12:30:00Z"), true),
        new Deal("Pipe|Semi;Caret^Back`Tab\tEnd", null, new BigDecimal("12.50"), null, null, false));
    try (SalesforceConnection c = TestConnections.connection(wm.getHttpBaseUrl());
         BulkClient bulk = TestConnections.client(c, temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Opportunity", IngestOperation.INSERT)
             .columnDelimiter(delimiter).lineEnding(ending).build(), RowSource.of(deals, MAPPER))) {
      assertThat(load.summary().rows()).isEqualTo(2);
    }
    verify(postRequestedFor(urlEqualTo(JOBS)).withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"object\":\"Opportunity\",\"operation\":\"insert\",\"contentType\":\"CSV\","
            + "\"columnDelimiter\":\"" + delimiter.name() + "\",\"lineEnding\":\"" + ending.name() + "\"}")));
    List<LoggedRequest> puts = WireMock.findAll(putRequestedFor(urlEqualTo(JOBS + "/" + JOB_A + "/batches")));
    assertThat(puts).hasSize(1);
    assertThat(puts.get(0).getHeader("Content-Type")).isEqualTo("text/csv");
    char d = delimiter.character();
    String eol = ending.characters();
    String expected = line(d, eol, "Name", "Description", "Amount", "CloseDate", "Seen__c", "IsWon__c", "StageName")
        + line(d, eol, "Acme, Inc.", "line one\nline \"two\"", "1000", "2024-03-01", "2024-03-01T12:30:00.000Z", "true", "")
        + line(d, eol, "Pipe|Semi;Caret^Back`Tab\tEnd", "#N/A", "12.50", "#N/A", "#N/A", "false", "");
    assertThat(new String(puts.get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo(expected);
    verify(patchRequestedFor(urlEqualTo(JOBS + "/" + JOB_A)).withRequestBody(equalToJson("{\"state\":\"UploadComplete\"}")));
  }

  @Test
  void upsertSendsTheExternalIdFieldAndTheAssignmentRule(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(JOBS)).willReturn(okJson(info(JOB_A, "Open", "COMMA", "LF"))));
    stubJob(JOB_A, "COMMA", "LF");
    try (SalesforceConnection c = TestConnections.connection(wm.getHttpBaseUrl());
         BulkClient bulk = TestConnections.client(c, temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Account", IngestOperation.UPSERT)
             .externalIdFieldName("Ext__c").assignmentRuleId("01Q000000000001").build(),
             RowSource.ofMaps(List.of(java.util.Map.of("Ext__c", "E-1"))))) {
      assertThat(load.summary().unprocessed()).isEqualTo(1);
    }
    verify(postRequestedFor(urlEqualTo(JOBS)).withRequestBody(equalToJson("{\"object\":\"Account\",\"operation\":\"upsert\","
        + "\"externalIdFieldName\":\"Ext__c\",\"assignmentRuleId\":\"01Q000000000001\",\"contentType\":\"CSV\","
        + "\"columnDelimiter\":\"COMMA\",\"lineEnding\":\"LF\"}")));
  }

  @Test
  void aFailedUploadAbortsTheJobAndReplaysTheRowsIntoANewJobNeverPuttingTwiceIntoOne(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(JOBS)).inScenario("jobs").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(info(JOB_A, "Open", "COMMA", "LF"))).willSetStateTo("second"));
    stubFor(post(urlEqualTo(JOBS)).inScenario("jobs").whenScenarioStateIs("second")
        .willReturn(okJson(info(JOB_B, "Open", "COMMA", "LF"))));
    stubJob(JOB_B, "COMMA", "LF");
    stubFor(put(urlEqualTo(JOBS + "/" + JOB_A + "/batches")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stubFor(patch(urlEqualTo(JOBS + "/" + JOB_A)).willReturn(okJson(info(JOB_A, "Aborted", "COMMA", "LF"))));
    try (SalesforceConnection c = TestConnections.connection(wm.getHttpBaseUrl());
         BulkClient bulk = TestConnections.client(c, temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Account", IngestOperation.INSERT).build(),
             RowSource.ofMaps(List.of(java.util.Map.of("Name", "A"), java.util.Map.of("Name", "B"))))) {
      JobSummary job = load.summary().jobs().get(0);
      assertThat(job.jobId()).contains(JOB_B);
      assertThat(job.abortedAfterFailedUpload()).containsExactly(JOB_A);
    }
    List<LoggedRequest> putsA = WireMock.findAll(putRequestedFor(urlEqualTo(JOBS + "/" + JOB_A + "/batches")));
    List<LoggedRequest> putsB = WireMock.findAll(putRequestedFor(urlEqualTo(JOBS + "/" + JOB_B + "/batches")));
    assertThat(putsA).hasSize(1);
    assertThat(putsB).hasSize(1);
    assertThat(putsB.get(0).getBodyAsString()).isEqualTo("Name\nA\nB\n");
    verify(1, patchRequestedFor(urlEqualTo(JOBS + "/" + JOB_A)).withRequestBody(equalToJson("{\"state\":\"Aborted\"}")));
    verify(0, patchRequestedFor(urlEqualTo(JOBS + "/" + JOB_A)).withRequestBody(equalToJson("{\"state\":\"UploadComplete\"}")));
    verify(2, postRequestedFor(urlEqualTo(JOBS)));
  }

  @Test
  void aRejectedUploadIsNotReplayedAndItsRowsAreReportedUnprocessed(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(JOBS)).willReturn(okJson(info(JOB_A, "Open", "COMMA", "LF"))));
    stubFor(put(urlEqualTo(JOBS + "/" + JOB_A + "/batches")).willReturn(aResponse().withStatus(400)
        .withBody("[{\"errorCode\":\"INVALIDJOB\",\"message\":\"bad data\"}]")));
    stubFor(patch(urlEqualTo(JOBS + "/" + JOB_A)).willReturn(okJson(info(JOB_A, "Aborted", "COMMA", "LF"))));
    try (SalesforceConnection c = TestConnections.connection(wm.getHttpBaseUrl());
         BulkClient bulk = TestConnections.client(c, temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Account", IngestOperation.INSERT).build(),
             RowSource.ofMaps(List.of(java.util.Map.of("Name", "A"))));
         Stream<RowResult> results = load.results()) {
      RowResult r = results.findFirst().orElseThrow();
      assertThat(r.status()).isEqualTo(RowStatus.UNPROCESSED);
      assertThat(r.rowNumber()).hasValue(1);
      assertThat(r.error()).hasValueSatisfying(e -> assertThat(e).contains("upload failed", "INVALIDJOB"));
    }
    verify(1, postRequestedFor(urlEqualTo(JOBS)));
    verify(1, putRequestedFor(urlEqualTo(JOBS + "/" + JOB_A + "/batches")));
  }

  @Test
  void handlesAbortDeleteAndListJobsPageByPage(WireMockRuntimeInfo wm) {
    stubFor(patch(urlEqualTo(JOBS + "/" + JOB_A)).willReturn(okJson(info(JOB_A, "Aborted", "COMMA", "LF"))));
    stubFor(delete(urlEqualTo(JOBS + "/" + JOB_A)).willReturn(aResponse().withStatus(204)));
    stubFor(get(urlEqualTo(JOBS)).willReturn(okJson("{\"done\":false,\"records\":[" + info(JOB_A, "Aborted", "COMMA", "LF")
        + "],\"nextRecordsUrl\":\"" + JOBS + "?queryLocator=01gB\"}")));
    stubFor(get(urlPathEqualTo(JOBS)).withQueryParam("queryLocator", equalTo("01gB"))
        .willReturn(okJson("{\"done\":true,\"records\":[" + info(JOB_B, "JobComplete", "COMMA", "LF")
            + "],\"nextRecordsUrl\":null}")));
    try (SalesforceConnection c = TestConnections.connection(wm.getHttpBaseUrl());
         BulkClient bulk = TestConnections.client(c, temp).build()) {
      IngestJobHandle job = bulk.ingestJob(JOB_A);
      assertThat(job.abort().state()).isEqualTo(JobState.ABORTED);
      job.delete();
      assertThat(bulk.allIngestJobs().map(JobInfo::id)).containsExactly(JOB_A, JOB_B);
      JobListPage first = bulk.listIngestJobs(null);
      assertThat(first.nextRecordsUrl()).contains(JOBS + "?queryLocator=01gB");
      assertThat(bulk.listIngestJobs(first.nextRecordsUrl().get()).done()).isTrue();
    }
    verify(patchRequestedFor(urlEqualTo(JOBS + "/" + JOB_A)).withRequestBody(equalToJson("{\"state\":\"Aborted\"}")));
    verify(deleteRequestedFor(urlEqualTo(JOBS + "/" + JOB_A)));
  }
}

package dev.forcelink.bulk;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.forcelink.bulk.internal.PipelineGauge;
import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.SalesforceConnection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query jobs: locator chain, parallel resultPages, dropped pages, waits and bounded pages on disk. */
@WireMockTest
class QueryDownloadTest {
  static final String V65 = "/services/data/v65.0/jobs/query";
  static final String JOB = "750Q00000000000AAA";
  static final String HEADER = "Id,Name,Description\n";

  @TempDir Path temp;

  static String info(String state, String version) {
    return "{\"id\":\"" + JOB + "\",\"operation\":\"query\",\"object\":\"Account\",\"state\":\"" + state
        + "\",\"apiVersion\":" + version + ",\"columnDelimiter\":\"COMMA\",\"lineEnding\":\"LF\""
        + (state.equals("Failed") ? ",\"errorMessage\":\"INVALID_FIELD: No such column 'Foo'\"" : "") + "}";
  }

  /** Page i holds two records whose text needs quoting. */
  static String rows(int page) {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < 2; r++) {
      int n = page * 2 + r;
      sb.append("001").append(String.format("%015d", n)).append(",\"Name, ").append(n).append("\",\"multi\nline \"\"")
          .append(n).append("\"\"\"\n");
    }
    return sb.toString();
  }

  static ResponseDefinitionBuilder page(int i, String locator) {
    return aResponse().withHeader("Content-Type", "text/csv").withHeader("Sforce-NumberOfRecords", "2")
        .withHeader("Sforce-Locator", locator).withBody(HEADER + rows(i));
  }

  static String expected(int pages) {
    StringBuilder sb = new StringBuilder(HEADER);
    for (int i = 0; i < pages; i++) {
      sb.append(rows(i));
    }
    return sb.toString();
  }

  /** A locator chain of {@code pages} pages: first without a locator, then L1, L2, …, last "null". */
  static void stubChain(String base, int pages) {
    for (int i = 0; i < pages; i++) {
      String next = i == pages - 1 ? "null" : "L" + (i + 1);
      var m = get(urlPathEqualTo(base + "/" + JOB + "/results")).withQueryParam("maxRecords", equalTo("2"));
      m = i == 0 ? m.withQueryParam("locator", absent()) : m.withQueryParam("locator", equalTo("L" + i));
      stubFor(m.willReturn(page(i, next)));
    }
  }

  static void stubResultPages(int pages) {
    for (int i = 0; i < pages; i++) {
      stubFor(get(urlPathEqualTo(V65 + "/" + JOB + "/results")).withQueryParam("locator", equalTo("P" + i))
          .willReturn(page(i, "ignored")));
    }
    // Two batches: pages 0..2 then the rest, linked by nextRecordsUrl.
    StringBuilder first = new StringBuilder("{\"resultPages\":[");
    StringBuilder second = new StringBuilder("{\"resultPages\":[");
    for (int i = 0; i < pages; i++) {
      StringBuilder target = i < 3 ? first : second;
      if (target.charAt(target.length() - 1) == '}') {
        target.append(',');
      }
      target.append("{\"resultUrl\":\"").append(V65).append('/').append(JOB).append("/results?locator=P").append(i).append("\"}");
    }
    first.append("],\"nextRecordsUrl\":\"").append(V65).append('/').append(JOB).append("/resultPages?locator=N1\",\"done\":false}");
    second.append("],\"nextRecordsUrl\":null,\"done\":true}");
    stubFor(get(urlEqualTo(V65 + "/" + JOB + "/resultPages")).willReturn(okJson(first.toString())));
    stubFor(get(urlEqualTo(V65 + "/" + JOB + "/resultPages?locator=N1")).willReturn(okJson(second.toString())));
  }

  static BulkClient.Builder client(SalesforceConnection c, Path temp, int parallel) {
    return TestConnections.client(c, temp).pageSize(2).parallelDownloads(parallel);
  }

  static String copy(QueryJobHandle job) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    job.copyResultsTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void createsTheJobWithTheDocumentedFieldsAndCopiesTheLocatorChainWithOneHeader(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(V65)).willReturn(okJson(info("UploadComplete", "65.0"))));
    stubFor(get(urlEqualTo(V65 + "/" + JOB)).willReturn(okJson(info("JobComplete", "65.0"))));
    stubChain(V65, 3);
    try (SalesforceConnection c = TestConnections.connection(wm.getHttpBaseUrl());
         BulkClient bulk = client(c, temp, 1).build()) {
      QueryJobHandle job = bulk.query(QueryRequest.builder("SELECT Id, Name, Description FROM Account")
          .includeDeleted(true).build());
      assertThat(copy(job)).isEqualTo(expected(3));
    }
    verify(postRequestedFor(urlEqualTo(V65)).withRequestBody(equalToJson("{\"operation\":\"queryAll\","
        + "\"query\":\"SELECT Id, Name, Description FROM Account\",\"contentType\":\"CSV\","
        + "\"columnDelimiter\":\"COMMA\",\"lineEnding\":\"LF\"}")));
    verify(0, getRequestedFor(urlPathEqualTo(V65 + "/" + JOB + "/resultPages")));
  }

  @Test
  void aConnectionDroppedMidPageIsFetchedAgainByItsLocatorAndTheBytesMatchACleanRun(WireMockRuntimeInfo wm) {
    stubFor(get(urlEqualTo(V65 + "/" + JOB)).willReturn(okJson(info("JobComplete", "65.0"))));
    stubChain(V65, 3);
    stubFor(get(urlPathEqualTo(V65 + "/" + JOB + "/results")).withQueryParam("locator", equalTo("L1"))
        .inScenario("drop").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)).willSetStateTo("short"));
    stubFor(get(urlPathEqualTo(V65 + "/" + JOB + "/results")).withQueryParam("locator", equalTo("L1"))
        .inScenario("drop").whenScenarioStateIs("short")
        .willReturn(aResponse().withHeader("Sforce-NumberOfRecords", "2").withHeader("Sforce-Locator", "L2")
            .withBody(HEADER + rows(1).substring(0, rows(1).indexOf('\n', rows(1).indexOf("\"\"\"") ) + 1)))
        .willSetStateTo("healthy"));
    stubFor(get(urlPathEqualTo(V65 + "/" + JOB + "/results")).withQueryParam("locator", equalTo("L1"))
        .inScenario("drop").whenScenarioStateIs("healthy").willReturn(page(1, "L2")));
    try (SalesforceConnection c = TestConnections.connection(wm.getHttpBaseUrl());
         BulkClient bulk = client(c, temp, 1).build()) {
      assertThat(copy(bulk.queryJob(JOB))).isEqualTo(expected(3));
    }
    verify(3, getRequestedFor(urlPathEqualTo(V65 + "/" + JOB + "/results")).withQueryParam("locator", equalTo("L1")));
    assertThat(temp.toFile().list()).isEmpty();
  }

  @Test
  void parallelDownloadThroughResultPagesWritesTheSameBytesAsTheSerialChain(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo(V65 + "/" + JOB)).willReturn(okJson(info("JobComplete", "65.0"))));
    stubChain(V65, 5);
    stubResultPages(5);
    stubFor(get(urlPathEqualTo(V65 + "/" + JOB + "/results")).withQueryParam("locator", equalTo("P3"))
        .inScenario("p3").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)).willSetStateTo("ok"));
    stubFor(get(urlPathEqualTo(V65 + "/" + JOB + "/results")).withQueryParam("locator", equalTo("P3"))
        .inScenario("p3").whenScenarioStateIs("ok").willReturn(page(3, "ignored")));
    try (SalesforceConnection c = TestConnections.connection(wm.getHttpBaseUrl());
         BulkClient serial = client(c, temp, 1).build();
         BulkClient parallel = client(c, temp, 3).build()) {
      Path serialFile = temp.resolve("serial.out");
      Path parallelFile = temp.resolve("parallel.out");
      assertThat(serial.queryJob(JOB).copyResultsTo(serialFile)).isEqualTo(10);
      assertThat(parallel.queryJob(JOB).copyResultsTo(parallelFile)).isEqualTo(10);
      assertThat(Files.readAllBytes(parallelFile)).isEqualTo(Files.readAllBytes(serialFile));
      assertThat(Files.readString(serialFile)).isEqualTo(expected(5));
      assertThat(parallel.gauge().peak(PipelineGauge.Kind.PAGES_HELD)).isBetween(2L, 3L);
    }
    verify(getRequestedFor(urlEqualTo(V65 + "/" + JOB + "/resultPages?locator=N1")));
  }

  @Test
  void aMissingResultPagesEndpointFallsBackToTheLocatorChain(WireMockRuntimeInfo wm) {
    stubFor(get(urlEqualTo(V65 + "/" + JOB)).willReturn(okJson(info("JobComplete", "65.0"))));
    stubChain(V65, 2);
    stubFor(get(urlEqualTo(V65 + "/" + JOB + "/resultPages")).willReturn(aResponse().withStatus(404)
        .withBody("[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]")));
    try (SalesforceConnection c = TestConnections.connection(wm.getHttpBaseUrl());
         BulkClient bulk = client(c, temp, 4).build()) {
      assertThat(copy(bulk.queryJob(JOB))).isEqualTo(expected(2));
    }
  }

  @Test
  void belowApiVersion58TheSerialChainIsUsedWithoutAskingForResultPages(WireMockRuntimeInfo wm) {
    String v57 = "/services/data/v57.0/jobs/query";
    stubFor(get(urlEqualTo(v57 + "/" + JOB)).willReturn(okJson(info("JobComplete", "57.0"))));
    stubChain(v57, 2);
    try (SalesforceConnection c = TestConnections.connection(wm.getHttpBaseUrl(), new ApiVersion(57, 0));
         BulkClient bulk = client(c, temp, 4).build()) {
      assertThat(copy(bulk.queryJob(JOB))).isEqualTo(expected(2));
    }
    verify(0, getRequestedFor(urlPathEqualTo(v57 + "/" + JOB + "/resultPages")));
  }

  @Test
  void resultsAskedForBeforeTheJobCompletesWaitByPolling(WireMockRuntimeInfo wm) {
    stubFor(get(urlEqualTo(V65 + "/" + JOB)).inScenario("job").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(info("InProgress", "65.0"))).willSetStateTo("done"));
    stubFor(get(urlEqualTo(V65 + "/" + JOB)).inScenario("job").whenScenarioStateIs("done")
        .willReturn(okJson(info("JobComplete", "65.0"))));
    stubChain(V65, 1);
    stubFor(get(urlPathEqualTo(V65 + "/" + JOB + "/results")).inScenario("412").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(412).withBody("[{\"errorCode\":\"JOB_NOT_COMPLETE\",\"message\":"
            + "\"can only download query results of successfully completed bulk job\"}]")).willSetStateTo("ok"));
    stubFor(get(urlPathEqualTo(V65 + "/" + JOB + "/results")).inScenario("412").whenScenarioStateIs("ok")
        .willReturn(page(0, "null")));
    try (SalesforceConnection c = TestConnections.connection(wm.getHttpBaseUrl());
         BulkClient bulk = client(c, temp, 1).build()) {
      assertThat(copy(bulk.queryJob(JOB))).isEqualTo(expected(1));
    }
  }

  @Test
  void aFailedQueryJobThrowsWithItsErrorMessage(WireMockRuntimeInfo wm) {
    stubFor(get(urlEqualTo(V65 + "/" + JOB)).willReturn(okJson(info("Failed", "65.0"))));
    try (SalesforceConnection c = TestConnections.connection(wm.getHttpBaseUrl());
         BulkClient bulk = client(c, temp, 1).build()) {
      assertThatThrownBy(() -> bulk.queryJob(JOB).records())
          .isInstanceOf(BulkJobException.class)
          .hasMessageContaining(JOB).hasMessageContaining("Failed").hasMessageContaining("No such column 'Foo'")
          .extracting(e -> ((BulkJobException) e).jobInfo().state()).isEqualTo(JobState.FAILED);
    }
  }

  @Test
  void recordsAreDecodedLazilyWithOnePageOnDiskAndOneRecordInMemory(WireMockRuntimeInfo wm) {
    int pages = 40;
    stubFor(get(urlEqualTo(V65 + "/" + JOB)).willReturn(okJson(info("JobComplete", "65.0"))));
    stubChain(V65, pages);
    try (SalesforceConnection c = TestConnections.connection(wm.getHttpBaseUrl());
         BulkClient bulk = client(c, temp, 1).build()) {
      List<BulkRecord> records;
      try (Stream<BulkRecord> s = bulk.queryJob(JOB).records()) {
        records = s.collect(Collectors.toList());
      }
      assertThat(records).hasSize(pages * 2);
      BulkRecord third = records.get(3);
      assertThat(third.get("name")).isEqualTo("Name, 3");
      assertThat(third.get("Description")).isEqualTo("multi\nline \"3\"");
      assertThat(third.toMap()).containsKeys("Id", "Name", "Description");
      PipelineGauge gauge = bulk.gauge();
      assertThat(gauge.peak(PipelineGauge.Kind.PAGES_HELD)).isEqualTo(1);
      assertThat(gauge.peak(PipelineGauge.Kind.RECORDS_IN_MEMORY)).isEqualTo(1);
      assertThat(gauge.current(PipelineGauge.Kind.PAGES_HELD)).isZero();
      List<String> names = new ArrayList<>();
      try (Stream<String> s = bulk.queryJob(JOB).records(r -> r.get("Name"))) {
        s.limit(3).forEach(names::add);
      }
      assertThat(names).containsExactly("Name, 0", "Name, 1", "Name, 2");
      assertThat(gauge.current(PipelineGauge.Kind.PAGES_HELD)).isZero();
    }
    assertThat(temp.toFile().list()).isEmpty();
  }
}

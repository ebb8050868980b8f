package dev.forcelink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.examples.bulk.NightlyLoad;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly-load example on a small feed: 3,000 rows, two bad rows of each of the three kinds. */
class NightlyLoadTest {
  @TempDir Path out;

  @Test
  void reportsTheLoadWritesTheRowsToFixAndExportsWhatLanded() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    NightlyLoad.Report report;
    try (ExampleOrg org = ExampleOrg.connect(Map.of());
         PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      report = NightlyLoad.run(org, 3_000, out, print);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);

    assertThat(report.rows()).isEqualTo(3_000);
    assertThat(report.succeeded()).isEqualTo(2_994);
    assertThat(report.failed()).isEqualTo(6);
    assertThat(report.unprocessed()).isZero();
    assertThat(report.failureReasons()).containsExactlyInAnyOrderEntriesOf(
        Map.of("REQUIRED_FIELD_MISSING", 2L, "STRING_TOO_LONG", 2L, "INVALID_FIELD", 2L));
    assertThat(text)
        .contains("Processed 3000 rows in 1 job(s): 2994 succeeded, 6 failed, 0 unprocessed, 0 still running")
        .containsPattern("\\s+2  REQUIRED_FIELD_MISSING")
        .contains("Exported 2994 contacts to " + report.exportCsv());

    List<String> failed = Files.readAllLines(report.failedCsv(), StandardCharsets.UTF_8);
    assertThat(failed.get(0)).isEqualTo("sf__Row,sf__Job,sf__Status,sf__Id,sf__Created,sf__Error,"
        + "External_ERP_Id__c,FirstName,LastName,Email,Account.External_ERP_Id__c");
    assertThat(failed).hasSize(7);
    assertThat(failed.subList(1, 7)).allMatch(line -> line.contains(",FAILED,"));
    assertThat(failed).anyMatch(line -> line.startsWith("7,") && line.contains("REQUIRED_FIELD_MISSING")
        && line.contains("ERP-C0000007"));
    assertThat(failed).anyMatch(line -> line.startsWith("1513,") && line.contains("ERP-A999"));

    assertThat(report.exported()).isEqualTo(2_994);
    List<String> export = Files.readAllLines(report.exportCsv(), StandardCharsets.UTF_8);
    assertThat(export.get(0)).isEqualTo("\"Id\",\"External_ERP_Id__c\",\"FirstName\",\"LastName\",\"Email\",\"Account.Name\"");
    assertThat(export).hasSize(2_995);
    assertThat(export).anyMatch(line -> line.contains("\"ERP-C0000001\"") && line.contains("\"Account 2\""));
  }
}

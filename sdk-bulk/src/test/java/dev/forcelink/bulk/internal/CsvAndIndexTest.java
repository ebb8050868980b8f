package dev.forcelink.bulk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FastCSV encoding settings, the spool, the row index and the Bulk error table. */
class CsvAndIndexTest {
  @TempDir Path temp;

  @Test
  void aLeadingNullMarkerIsNotQuotedAndSpecialCharactersAre() {
    RowEncoder enc = new RowEncoder(new CsvCodec(',', "\r\n"));
    assertThat(new String(enc.encode(new String[] {"#N/A", "a,b", "x\ny", "q\"q", ""}), StandardCharsets.UTF_8))
        .isEqualTo("#N/A,\"a,b\",\"x\ny\",\"q\"\"q\",\r\n");
    RowEncoder tab = new RowEncoder(new CsvCodec('\t', "\n"));
    assertThat(new String(tab.encode(new String[] {"a,b", "c\td"}), StandardCharsets.UTF_8)).isEqualTo("a,b\t\"c\td\"\n");
  }

  @Test
  void theSpoolKeepsRowsUnderItsLimitsAndReadsThemBack() {
    CsvCodec codec = new CsvCodec(';', "\n");
    RowEncoder enc = new RowEncoder(codec);
    try (JobSpool spool = new JobSpool(temp, codec, List.of("Id", "Name"), new int[] {0}, 31, 10)) {
      String[] a = {"1", "a;b"};
      String[] b = {"2", "line\nbreak"};
      String[] c = {"3", "c"};
      assertThat(spool.tryAppend(a, enc.encode(a), 7)).isTrue();
      assertThat(spool.tryAppend(b, enc.encode(b), 8)).isTrue();
      assertThat(spool.tryAppend(c, enc.encode(c), 9)).isFalse();
      spool.finish();
      assertThat(spool.bytes()).isEqualTo(31);
      List<String> read = new ArrayList<>();
      spool.forEachRow((pos, values) -> read.add(spool.rowNumberAt(pos) + "=" + String.join("|", values)));
      assertThat(read).containsExactly("7=1|a;b", "8=2|line\nbreak");
      assertThat(spool.index().claim(RowDigest.of(new String[] {"2"}, new int[] {0}))).isEqualTo(1);
    }
    assertThat(temp.toFile().list()).isEmpty();
  }

  @Test
  void theIndexHandsOutEachEntryOnceAndReportsTheRest() {
    RowIndex index = new RowIndex();
    for (int i = 0; i < 5000; i++) {
      index.add(i % 7 == 0 ? 42L : (long) i * 31 + 5, i);
    }
    index.seal();
    List<Long> claimed = new ArrayList<>();
    long p;
    while ((p = index.claim(42L)) >= 0) {
      claimed.add(p);
    }
    assertThat(claimed).hasSize(715).isSorted();
    assertThat(index.claim(31 * 1 + 5)).isEqualTo(1);
    assertThat(index.claim(31 * 1 + 5)).isEqualTo(-1);
    assertThat(index.unclaimed()).hasSize(5000 - 716);
  }

  @Test
  void bulkErrorCodesAreClassifiedByTheB2Table() {
    assertThat(BulkErrorCodes.classifyMessage("UNABLE_TO_LOCK_ROW:unable to obtain exclusive access:--"))
        .isEqualTo(BulkErrorCodes.Kind.TRANSIENT);
    assertThat(BulkErrorCodes.classifyMessage("CANNOT_EXECUTE_FLOW_TRIGGER:... UNABLE_TO_LOCK_ROW ..."))
        .isEqualTo(BulkErrorCodes.Kind.TRANSIENT);
    assertThat(BulkErrorCodes.classify("InvalidSessionId")).isEqualTo(BulkErrorCodes.Kind.AUTH);
    assertThat(BulkErrorCodes.classify("ExceededQuota")).isEqualTo(BulkErrorCodes.Kind.QUOTA);
    for (String code : List.of("InvalidBatch", "InvalidJob", "InvalidJobState", "InvalidUser", "ClientInputError",
        "REQUIRED_FIELD_MISSING", "SomethingNew")) {
      assertThat(BulkErrorCodes.classify(code)).as(code).isEqualTo(BulkErrorCodes.Kind.PERMANENT);
    }
    assertThat(BulkErrorCodes.leadingCode("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --"))
        .contains("REQUIRED_FIELD_MISSING");
    assertThat(BulkErrorCodes.leadingCode("InvalidBatch : Field name not found")).contains("InvalidBatch");
    assertThat(BulkErrorCodes.leadingCode("plain words here")).isEmpty();
  }
}

package dev.forcelink.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ApiUsageParseTest {
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void parsesTheDocumentedForms() {
    ApiUsage u = ApiUsage.parse("api-usage=18/5000; per-app-api-usage=17/250(appName=sample-app); api-bursts=1/750", AT)
        .orElseThrow();
    assertThat(u.used()).isEqualTo(18);
    assertThat(u.max()).isEqualTo(5000);
    assertThat(u.perAppUsed()).isEqualTo(17);
    assertThat(u.perAppMax()).isEqualTo(250);
    assertThat(u.app()).hasValue("sample-app");
    assertThat(u.burstsUsed()).isEqualTo(1);
    assertThat(u.burstsMax()).isEqualTo(750);
    assertThat(u.observedAt()).isEqualTo(AT);
    ApiUsage plain = ApiUsage.parse("api-usage=18/5000", AT).orElseThrow();
    assertThat(plain.perAppRemaining()).isEmpty();
    assertThat(plain.app()).isEmpty();
    assertThat(plain.burstsMax()).isEqualTo(-1);
    assertThat(ApiUsage.parse("api-bursts=1/750,api-usage=3/10", AT)).hasValueSatisfying(x -> assertThat(x.used()).isEqualTo(3));
    assertThat(ApiUsage.parse("  api-usage = 3 / 10 ,  future-thing=abc ", AT)).isPresent();
  }

  @Test
  void malformedOrMissingGivesEmpty() {
    for (String bad : new String[] {null, "", "   ", "api-usage", "api-usage=", "api-usage=a/b", "api-usage=1/",
        "api-bursts=1/750", "api-usage=1/2; per-app-api-usage=x", "=1/2", "api-usage=99999999999999999999/1",
        "api-usage=1/2(", "api-usage=1/2;;;" + "x".repeat(5000)}) {
      assertThat(ApiUsage.parse(bad, AT)).as("%s", bad).isEmpty();
    }
  }

  @Property
  void roundTripsAnyUsageInAnySeparatorStyle(@ForAll @LongRange(max = 1_000_000_000L) long used,
      @ForAll @LongRange(max = 1_000_000_000L) long max, @ForAll boolean comma, @ForAll boolean spaces) {
    String sep = (comma ? "," : ";") + (spaces ? " " : "");
    String header = "per-app-api-usage=1/2(appName=a)" + sep + "api-usage=" + used + "/" + max + sep + "api-bursts=3/4";
    ApiUsage u = ApiUsage.parse(header, AT).orElseThrow();
    assertThat(u.used()).isEqualTo(used);
    assertThat(u.max()).isEqualTo(max);
    assertThat(u.burstsUsed()).isEqualTo(3);
    assertThat(u.app()).hasValue("a");
  }

  @Property
  void neverThrowsOnArbitraryText(@ForAll @StringLength(max = 300) String text) {
    ApiUsage.parse(text, AT);
    ApiUsage.parse("api-usage=" + text, AT);
  }
}

package dev.forcelink.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptsTest {
  @Test
  void boundsAndFlattens() {
    assertThat(Excerpts.of(null)).isEmpty();
    assertThat(Excerpts.of("a\n\n  b\tc")).isEqualTo("a b c");
    String cut = Excerpts.of("z".repeat(1000));
    assertThat(cut).hasSize(Excerpts.MAX_CHARS).endsWith("…");
  }

  @Test
  void masksTokenFieldsEvenWhenCut() {
    assertThat(Excerpts.of("{\"access_token\":\"SECRET1\",\"refresh_token\" : \"SECRET2\",\"scope\":\"api\"}"))
        .isEqualTo("{\"access_token\":\"[redacted]\",\"refresh_token\" : \"[redacted]\",\"scope\":\"api\"}");
    assertThat(Excerpts.of("{\"access_token\":\"SECRET1-cut-in-the-midd")).isEqualTo("{\"access_token\":\"[redacted]");
    assertThat(Excerpts.of("access_token=SECRET3&x=1 code=SECRET4")).doesNotContain("SECRET3", "SECRET4");
    assertThat(Excerpts.of("<p>session 00D5e000000AbCd!AQ4AQ.x_y-z expired</p>"))
        .isEqualTo("<p>session [redacted] expired</p>");
  }
}

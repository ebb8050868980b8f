package dev.forcelink.core.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void headersAreLoggedByAllowListOnly() {
    assertThat(Redaction.headerValueForLog("Content-Type", "application/json")).isEqualTo("application/json");
    assertThat(Redaction.headerValueForLog("sforce-limit-info", "api-usage=1/2")).isEqualTo("api-usage=1/2");
    assertThat(Redaction.headerValueForLog("X-SFDC-REQUEST-ID", "abc")).isEqualTo("abc");
    for (String secret : new String[] {"Authorization", "Cookie", "Set-Cookie", "X-SFDC-Session", "X-Anything"}) {
      assertThat(Redaction.headerValueForLog(secret, "value")).isEqualTo(Redaction.REDACTED);
    }
  }

  @Test
  void secretFormFieldsAreRedactedWhateverTheirEncoding() {
    String form = "grant_type=password&username=a%40b.c&password=p%26ss&client_secret=s3cr3t&code=xyz"
        + "&code_verifier=v&refresh_token=r&assertion=eyJ&client_id=id&access_token=t&id_token=i&token=k"
        + "&client%5Fsecret=encodedname&empty&=x";
    String out = Redaction.redactFormEncoded(form);
    assertThat(out).contains("grant_type=password", "username=a%40b.c", "client_id=id", "empty", "=x")
        .doesNotContain("p%26ss", "s3cr3t", "xyz", "=v&", "=r&", "eyJ", "=t&", "=i&", "=k&", "encodedname");
    assertThat(Redaction.redactFormEncoded("")).isEmpty();
    assertThat(Redaction.redactFormEncoded(null)).isNull();
    assertThat(Redaction.redactFormEncoded("password=%zz")).isEqualTo("password=<redacted>");
  }

  @Test
  void freeTextLosesJsonSecretsFormPairsAndBearerCredentials() {
    String text = "{\"access_token\":\"00D!abc\",\"refresh_token\" : \"rrr\",\"instance_url\":\"https://x\"}"
        + " client_secret=sss; Authorization: Bearer 00D!tok and password=pw";
    String out = Redaction.redactText(text);
    assertThat(out).doesNotContain("00D!abc", "rrr", "sss", "00D!tok", "pw")
        .contains("https://x", "Bearer <redacted>");
    assertThat(Redaction.redactText("{\"access_token\":\"trunc")).doesNotContain("trunc");
  }

  @Test
  void excerptsAreBoundedAndFreeOfControlCharacters() {
    assertThat(Redaction.excerpt("a\nb\u0000c\td", 100)).isEqualTo("a b c d");
    assertThat(Redaction.excerpt("x".repeat(1000), 500)).hasSize(501).endsWith("…");
    assertThat(Redaction.excerpt(null, 5)).isEmpty();
  }
}

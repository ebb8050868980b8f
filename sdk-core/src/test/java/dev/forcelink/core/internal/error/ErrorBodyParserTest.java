package dev.forcelink.core.internal.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.exception.SalesforceError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorBodyParserTest {
  private static ErrorBody parse(String s) {
    return ErrorBodyParser.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void restArrayEnvelope() {
    ErrorBody b = parse("[{\"message\":\"Required fields are missing: [Name]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\","
        + "\"fields\":[\"Name\"]},{\"message\":\"m2\",\"errorCode\":\"C2\"}]");
    assertThat(b.errors()).containsExactly(
        new SalesforceError("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", java.util.List.of("Name")),
        SalesforceError.of("C2", "m2"));
    assertThat(b.oauth()).isFalse();
  }

  @Test
  void singleObjectRecordLevelAndOauthForms() {
    assertThat(parse("{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}").errors())
        .extracting(SalesforceError::errorCode).containsExactly("NOT_FOUND");
    assertThat(parse("{\"success\":false,\"errors\":[{\"statusCode\":\"DUPLICATES_DETECTED\",\"message\":\"Use one of these records?\",\"fields\":[]}]}")
        .errors()).extracting(SalesforceError::errorCode).containsExactly("DUPLICATES_DETECTED");
    ErrorBody oauth = parse("{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}");
    assertThat(oauth.oauth()).isTrue();
    assertThat(oauth.errors()).containsExactly(SalesforceError.of("invalid_grant", "authentication failure"));
  }

  @Test
  void bulkArrayForm() {
    assertThat(parse("[{\"errorCode\":\"INVALIDJOB\",\"message\":\"Found multiple contents for job\"}]").errors())
        .containsExactly(SalesforceError.of("INVALIDJOB", "Found multiple contents for job"));
  }

  @Test
  void multipleChoicesAsStringsOrObjects() {
    assertThat(parse("[\"/a/1\",\"/a/2\"]").choices()).containsExactly("/a/1", "/a/2");
    assertThat(parse("[{\"attributes\":{\"url\":\"/a/1\"}},{\"Id\":\"001\"}]").choices()).containsExactly("/a/1", "001");
  }

  @Test
  void anythingElseKeepsOnlyABoundedCleanExcerpt() {
    ErrorBody html = parse("<html>\r\n<body>Service down</body></html>");
    assertThat(html.errors()).isEmpty();
    assertThat(html.excerpt()).isEqualTo("<html>  <body>Service down</body></html>");
    assertThat(parse("").excerpt()).isEmpty();
    assertThat(ErrorBodyParser.parse(null).errors()).isEmpty();
    assertThat(parse("[{\"message\":\"cut").excerpt()).isEqualTo("[{\"message\":\"cut");
    assertThat(parse("y".repeat(70_000)).excerpt()).hasSizeLessThanOrEqualTo(ErrorBodyParser.MAX_EXCERPT + 1);
    assertThat(parse("[".repeat(5000)).errors()).as("a nesting bomb is just an unparsed body").isEmpty();
    assertThat(parse("42").errors()).isEmpty();
  }
}

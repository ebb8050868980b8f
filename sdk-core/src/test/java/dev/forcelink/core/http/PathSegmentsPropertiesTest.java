package dev.forcelink.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class PathSegmentsPropertiesTest {
  private static final String BASE = "https://h/services/data/v65.0/sobjects/Account/Ext__c/";

  @Property
  void encodedValuesAreOneSafeSegment(@ForAll("values") String value) {
    String encoded = PathSegments.encode(value);

    assertThat(encoded).doesNotContain("/", "?", "#").matches("[A-Za-z0-9._~%-]+");
    assertThat(encoded).doesNotContainPattern("%(?![0-9A-F]{2})");
  }

  @Property
  void valuesCannotChangeTheTargetPath(@ForAll("values") String value) {
    String encoded = PathSegments.encode(value);
    URI uri = URI.create(BASE + encoded).normalize();

    // The raw path still has seven segments, the last being the value; getPath() decodes, so it
    // shows the value itself in place.
    assertThat(uri.getRawPath().split("/", -1))
        .containsExactly("", "services", "data", "v65.0", "sobjects", "Account", "Ext__c", encoded);
    assertThat(uri.getPath()).isEqualTo("/services/data/v65.0/sobjects/Account/Ext__c/" + value);
  }

  @Property
  void percentDecodingGivesBackTheValue(@ForAll("values") String value) throws Exception {
    assertThat(percentDecode(PathSegments.encode(value))).isEqualTo(value);
  }

  /** Strings built from path syntax, percent signs, ASCII, any BMP text and surrogate pairs. */
  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> pathSyntax =
        Arbitraries.of(
            "/", ".", "..", "%", "%2F", "%2f", "%2E", "%25", "?", "#", "\\", ";", "&", "=", "+",
            " ", "~");
    Arbitrary<String> ascii = Arbitraries.chars().range(' ', '~').map(String::valueOf);
    Arbitrary<String> bmp =
        Arbitraries.chars()
            .range(Character.MIN_VALUE, Character.MAX_VALUE)
            .filter(c -> !Character.isSurrogate(c))
            .map(String::valueOf);
    Arbitrary<String> supplementary =
        Arbitraries.integers().between(0x10000, Character.MAX_CODE_POINT).map(Character::toString);
    return Arbitraries.frequencyOf(
            Tuple.of(4, pathSyntax),
            Tuple.of(4, ascii),
            Tuple.of(2, bmp),
            Tuple.of(1, supplementary))
        .list()
        .ofMinSize(1)
        .ofMaxSize(12)
        .map(PathSegmentsPropertiesTest::concat);
  }

  private static String concat(List<String> parts) {
    return String.join("", parts);
  }

  /** Decodes %XX octets as UTF-8, failing on anything malformed. */
  private static String percentDecode(String encoded) throws CharacterCodingException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes.toByteArray()))
        .toString();
  }
}

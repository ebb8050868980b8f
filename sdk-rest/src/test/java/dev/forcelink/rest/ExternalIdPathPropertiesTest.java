package dev.forcelink.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Any external-id value, however hostile, reaches exactly /sobjects/Contact/Ext__c/{that value}, for
 * an upsert and for a delete.
 */
class ExternalIdPathPropertiesTest {
  private static WireMockRest wm;

  @BeforeContainer
  static void start() {
    wm = new WireMockRest();
    wm.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)
        .withBody("{\"id\":\"003000000000001AAA\",\"success\":true,\"errors\":[],\"created\":true}")));
  }

  @AfterContainer
  static void stop() {
    wm.close();
  }

  @BeforeTry
  void reset() {
    wm.server.resetRequests();
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.of("a/b", "..", ".", "../../sobjects/User", "?x=1", "#frag", "%2F", "100%", "a b", "é/ü", "日本",
            "x.inc", "a;b", "a+b", "\uD83D\uDE00"),
        Arbitraries.strings().withChars("/.?#%2F é&=+;:@").ofMinLength(1).ofMaxLength(12),
        // The test server (Jetty) answers 400 to NUL and to the noncharacters U+FFFE/U+FFFF in a
        // path, so those are left out; surrogates are left out because they are not text.
        Arbitraries.strings().withCharRange('\u0001', '\uD7FF').withCharRange('\uE000', '\uFFFD')
            .ofMinLength(1).ofMaxLength(8));
  }

  @Property(tries = 100)
  void upsertValueIsOneEncodedSegment(@ForAll("values") String value) {
    wm.rest.upsert("Contact", "Ext__c", value, java.util.Map.of("LastName", "x"));
    assertOneSegment(value);
  }

  @Property(tries = 100)
  void deleteValueIsOneEncodedSegment(@ForAll("values") String value) {
    wm.rest.deleteByExternalId("Contact", "Ext__c", value);
    assertOneSegment(value);
  }

  private static void assertOneSegment(String value) {
    String url = wm.server.getAllServeEvents().get(0).getRequest().getUrl();
    String prefix = WireMockRest.DATA + "/sobjects/Contact/Ext__c/";
    assertThat(url).startsWith(prefix);
    String segment = url.substring(prefix.length());
    assertThat(segment).doesNotContain("/", "?", "#");
    assertThat(percentDecode(segment)).isEqualTo(value);
  }

  private static String percentDecode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}

package dev.forcelink.core;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.forcelink.core.exception.ResponseDecodeException;
import org.junit.jupiter.api.Test;

@WireMockTest
class ApiVersionsTest {
  private static String versions(String... v) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"label\":\"L\",\"url\":\"/services/data/v").append(v[i])
          .append("\",\"version\":\"").append(v[i]).append("\"}");
    }
    return sb.append(']').toString();
  }

  @Test
  void listsSortedVersionsWithoutAuthentication(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(get(urlEqualTo("/services/data/")).willReturn(okJson(versions("64.0", "31.0", "65.0", "66.0"))));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      assertThat(ApiVersions.list(c)).containsExactly(new ApiVersion(31, 0), new ApiVersion(64, 0),
          new ApiVersion(65, 0), new ApiVersion(66, 0));
      assertThat(ApiVersions.negotiate(c)).as("the highest both support").isEqualTo(ApiVersion.LATEST_SUPPORTED);
    }
    wm.getWireMock().verifyThat(getRequestedFor(urlEqualTo("/services/data/")).withHeader("Authorization", absent()));
  }

  @Test
  void negotiatesBelowOurLatestWhenTheOrgIsOlder(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(get(urlEqualTo("/services/data/")).willReturn(okJson(versions("58.0", "59.0"))));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      assertThat(ApiVersions.negotiate(c)).isEqualTo(new ApiVersion(59, 0));
    }
  }

  @Test
  void failsClearlyWhenNoCommonVersion(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(get(urlEqualTo("/services/data/")).willReturn(okJson(versions("20.0", "30.0"))));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      assertThatThrownBy(() -> ApiVersions.negotiate(c)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("20.0 to 30.0").hasMessageContaining("31.0 to 65.0");
    }
  }

  @Test
  void rejectsAnUnexpectedBody(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(get(urlEqualTo("/services/data/")).willReturn(okJson("{\"not\":\"a list\"}")));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      assertThatThrownBy(() -> ApiVersions.list(c)).isInstanceOf(ResponseDecodeException.class)
          .hasMessageContaining("not a JSON array");
    }
  }
}

package dev.forcelink.testkit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final RouteHandler describe = exchange -> { };
    private final RouteHandler record = exchange -> { };
    private final RouteHandler fallback = exchange -> { };

    @Test
    void literalSegmentsWinOverVariablesAndTailVariables() {
        Router router = new Router();
        router.add("GET", "/services/data/{v}/sobjects/{type}/{id}", record);
        router.add("PATCH", "/services/data/{v}/sobjects/{type}/{id}", record);
        router.add("GET", "/services/data/{v}/sobjects/{type}/describe", describe);
        router.add("*", "/services/data/{v}/{rest*}", fallback);

        Router.Resolution byId = router.resolve("GET", split("/services/data/v60.0/sobjects/Account/001x"));
        assertThat(byId.handler()).isSameAs(record);
        assertThat(byId.variables()).containsEntry("type", "Account").containsEntry("id", "001x")
                .containsEntry("v", "v60.0");
        assertThat(router.resolve("GET", split("/services/data/v60.0/sobjects/Account/describe")).handler())
                .isSameAs(describe);
        Router.Resolution tail = router.resolve("DELETE", split("/services/data/v60.0/a/b/c"));
        assertThat(tail.handler()).isSameAs(fallback);
        assertThat(tail.variables()).containsEntry("rest", "a/b/c");
    }

    @Test
    void reportsAllowedMethodsOrNothing() {
        Router router = new Router();
        router.add("GET", "/limits", record);
        router.add("HEAD", "/limits", record);

        assertThat(router.resolve("POST", split("/limits")).allowedMethods()).containsExactly("GET", "HEAD");
        assertThat(router.resolve("GET", split("/other")).allowedMethods()).isEmpty();
        assertThat(router.resolve("GET", split("/limits/")).handler()).isSameAs(record);
        assertThatThrownBy(() -> router.add("GET", "/limits", record)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathSegmentsArePercentDecodedOneByOne() {
        assertThat(HttpFront.decodeSegments("/sobjects/Account/External_Id__c/a%2Fb%20c+d"))
                .containsExactly("sobjects", "Account", "External_Id__c", "a/b c+d");
        assertThatThrownBy(() -> HttpFront.decodeSegments("/bad%zz")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> split(String path) {
        return PathPattern.split(path);
    }
}

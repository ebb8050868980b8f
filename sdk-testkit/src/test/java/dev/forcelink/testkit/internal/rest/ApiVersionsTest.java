package dev.forcelink.testkit.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiVersionsTest {

    @Test
    void labelsFollowThreeReleasesAYear() {
        assertThat(ApiVersions.label(31)).isEqualTo("Summer '14");
        assertThat(ApiVersions.label(32)).isEqualTo("Winter '15");
        assertThat(ApiVersions.label(60)).isEqualTo("Spring '24");
        assertThat(ApiVersions.label(65)).isEqualTo("Winter '26");
    }

    @Test
    void resolvesServedVersionsAndLatest() {
        assertThat(ApiVersions.resolve("v31.0")).isEqualTo("31.0");
        assertThat(ApiVersions.resolve("v65.0")).isEqualTo("65.0");
        assertThat(ApiVersions.resolve("latest")).isEqualTo("65.0");
        assertThat(ApiVersions.resolve("v30.0")).isNull();
        assertThat(ApiVersions.resolve("v66.0")).isNull();
        assertThat(ApiVersions.resolve("v6a.0")).isNull();
        assertThat(ApiVersions.resolve(null)).isNull();
    }
}

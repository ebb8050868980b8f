package dev.forcelink.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorExtensionTest {

    @RegisterExtension
    static EmulatorExtension extension = EmulatorExtension.builder()
            .configure(builder -> builder.tokenLifetime(Duration.ofMinutes(30)))
            .build();

    private static String firstUrl;

    @Test
    @Order(1)
    void injectsTheRunningEmulator(SalesforceEmulator emulator) {
        assertThat(emulator).isSameAs(extension.emulator());
        firstUrl = emulator.instanceUrl();
        new Http(emulator).get("/services/data/", null);
        emulator.faults().next(3, RequestMatcher.any()).respond(503, "");
        assertThat(emulator.requests().count()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void sameEmulatorForTheClassWithFaultsAndJournalCleared(SalesforceEmulator emulator) {
        assertThat(emulator.instanceUrl()).isEqualTo(firstUrl);
        assertThat(emulator.faults().pending()).isZero();
        assertThat(emulator.requests().count()).isZero();
        assertThat(new Http(emulator).get("/services/data/", null).statusCode()).isEqualTo(200);
    }
}

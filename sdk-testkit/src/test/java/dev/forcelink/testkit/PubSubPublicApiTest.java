package dev.forcelink.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public Pub/Sub parts of the emulator's API name no internal, gRPC or Avro type and check their input. */
class PubSubPublicApiTest {

    @Test
    void publicSignaturesNameOnlyOwnAndJdkTypes() {
        List<String> offenders = new ArrayList<>();
        for (Class<?> type : List.of(PubSubOptions.class, PubSubOptions.Builder.class, PubSubFaults.class,
                ManagedSubscriptions.class, SalesforceEmulator.class)) {
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers())) {
                    continue;
                }
                List<Type> types = new ArrayList<>(List.of(method.getGenericParameterTypes()));
                types.add(method.getGenericReturnType());
                for (Type t : types) {
                    String name = t.getTypeName();
                    if (name.contains(".internal.") || name.startsWith("io.grpc") || name.startsWith("org.apache.avro")
                            || name.startsWith("com.google.protobuf")) {
                        offenders.add(type.getSimpleName() + "." + method.getName() + ": " + name);
                    }
                }
            }
            assertThat(type.getConstructors()).as(type.getSimpleName()).isEmpty();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void optionsRefuseNonsense() {
        assertThatThrownBy(() -> PubSubOptions.builder().keepaliveInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepaliveInterval");
        assertThatThrownBy(() -> PubSubOptions.builder().maxEventsPerTopic(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEventsPerTopic");
        assertThat(PubSubOptions.defaults().keepaliveInterval()).isEqualTo(Duration.ofSeconds(270));
        assertThat(PubSubOptions.defaults().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(PubSubOptions.defaults().retention()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void faultsAndManagedSubscriptionsRefuseNonsense() {
        try (SalesforceEmulator emulator = SalesforceEmulator.start()) {
            assertThatThrownBy(() -> emulator.pubSubFaults().resetStreamEvery(0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> emulator.pubSubFaults().delayResponses(Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            emulator.managedSubscriptions().create("Sync", "/event/Order_Event__e", ManagedSubscriptions.Start.LATEST);
            assertThatThrownBy(() -> emulator.managedSubscriptions().create("Sync", "/event/Order_Event__e",
                    ManagedSubscriptions.Start.LATEST)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> emulator.managedSubscriptions().committedReplayId("Nope"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(emulator.pubSubAddress()).startsWith("127.0.0.1:");
        }
    }

    @Test
    void fallsBackToAFreePortWhenTheChosenOneIsTaken() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"));
             SalesforceEmulator emulator = SalesforceEmulator.builder().grpcPort(taken.getLocalPort()).start()) {
            assertThat(emulator.pubSubAddress()).isNotEqualTo("127.0.0.1:" + taken.getLocalPort());
        }
    }
}

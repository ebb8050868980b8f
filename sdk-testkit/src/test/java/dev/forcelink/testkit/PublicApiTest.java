package dev.forcelink.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps internal and third-party types out of the public API (JUnit only in the JUnit extension). */
class PublicApiTest {

    private static final List<Class<?>> PUBLIC_TYPES = List.of(SalesforceEmulator.class,
            SalesforceEmulator.Builder.class, EmulatorSchema.class, EmulatorSchema.Builder.class, SchemaField.class,
            SchemaField.Builder.class, Faults.class, Faults.Injection.class, RequestMatcher.class, RecordMatcher.class,
            RequestJournal.class, RecordedRequest.class, EmulatorException.class, Main.class,
            EmulatorExtension.Builder.class);

    @Test
    void publicSignaturesNameOnlyOwnAndJdkTypes() {
        List<String> offenders = new ArrayList<>();
        for (Class<?> type : PUBLIC_TYPES) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers())) {
                    check(type, method.getName(), method.getGenericReturnType(), offenders);
                    for (Type parameter : method.getGenericParameterTypes()) {
                        check(type, method.getName(), parameter, offenders);
                    }
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                assertThat(Modifier.isPublic(constructor.getModifiers()) && type != EmulatorException.class)
                        .as("public constructor on " + type.getSimpleName()).isFalse();
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void toStringShowsNoSecret() {
        try (SalesforceEmulator emulator = SalesforceEmulator.start()) {
            assertThat(emulator.toString()).doesNotContain(emulator.clientSecret(), emulator.password());
        }
    }

    private static void check(Class<?> owner, String member, Type type, List<String> offenders) {
        String name = type.getTypeName();
        if (name.contains(".internal.") || name.contains("com.fasterxml") || name.contains("com.nimbusds")
                || name.contains("org.bouncycastle") || name.contains("com.sun.net")) {
            offenders.add(owner.getSimpleName() + "." + member + ": " + name);
        }
    }
}

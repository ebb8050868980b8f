package dev.forcelink.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link SalesforceEmulator} for a test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static EmulatorExtension emulator = EmulatorExtension.builder().configure(b -> b.tls(true)).build();
 *
 * @Test
 * void readsLimits(SalesforceEmulator org) { ... }
 * }</pre>
 * Registered on a static field, the emulator starts once before all tests of the class and stops after them;
 * on an instance field it runs for each test. Before each test the scripted faults and the request journal are
 * cleared. Test methods and constructors can take a {@link SalesforceEmulator} parameter.
 *
 * <p>Thread-safe for JUnit's use (callbacks of one class run in order; concurrent classes need their own
 * extension instance).
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final Consumer<SalesforceEmulator.Builder> configuration;
    private volatile SalesforceEmulator emulator;
    private volatile boolean perClass;

    private EmulatorExtension(Consumer<SalesforceEmulator.Builder> configuration) {
        this.configuration = configuration;
    }

    /** @return a builder of the extension */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the running emulator
     * @throws IllegalStateException outside a test's lifecycle
     */
    public SalesforceEmulator emulator() {
        SalesforceEmulator running = emulator;
        if (running == null) {
            throw new IllegalStateException("The emulator runs only while the tests of the class run");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        emulator = startEmulator();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        perClass = false;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emulator == null) {
            emulator = startEmulator();
        }
        emulator.faults().clear();
        emulator.bulkFaults().clear();
        emulator.requests().reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SalesforceEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (emulator == null) {
            emulator = startEmulator();
        }
        return emulator;
    }

    private SalesforceEmulator startEmulator() {
        SalesforceEmulator.Builder builder = SalesforceEmulator.builder();
        configuration.accept(builder);
        return builder.start();
    }

    private void stop() {
        SalesforceEmulator running = emulator;
        emulator = null;
        if (running != null) {
            running.close();
        }
    }

    /** Configures an {@link EmulatorExtension}; not thread-safe. */
    public static final class Builder {
        private Consumer<SalesforceEmulator.Builder> configuration = b -> { };

        private Builder() {
        }

        /**
         * @param settings applied to the emulator's builder each time the extension starts an emulator
         * @return this builder
         */
        public Builder configure(Consumer<SalesforceEmulator.Builder> settings) {
            configuration = configuration.andThen(Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /** @return the extension */
        public EmulatorExtension build() {
            return new EmulatorExtension(configuration);
        }
    }
}

package dev.llmock.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.CassetteSettings;
import dev.llmock.cassette.RecordMode;
import dev.llmock.junit.internal.ExtensionSettings;
import dev.llmock.junit.internal.FailureReport;
import dev.llmock.junit.internal.Injector;
import dev.llmock.junit.internal.Messages;
import dev.llmock.junit.internal.Registration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Injects {@link Generated @Generated} fixtures. {@code @Generated} registers it by itself; register one built in code
 * to configure a class without files:
 *
 * <pre>{@code
 * @RegisterExtension
 * static LlmockExtension llmock = LlmockExtension.newBuilder()
 *         .config(LlmockConfig.newBuilder()
 *                 .backend(BackendConfig.newBuilder("local").provider("ollama").baseUrl("http://localhost:11434")
 *                         .model("llama3.2").build())
 *                 .build())
 *         .mode(RecordMode.RECORD)
 *         .build();
 * }</pre>
 *
 * The registered instance's settings win, for its class, over {@link LlmockSettings @LlmockSettings}, the
 * configuration parameters, the environment and {@code llmock.json}; the instance {@code @Generated} registers then
 * steps aside. A thin adapter over the engine and the cassettes: immutable, with all state in JUnit's stores.
 *
 * @since 0.1.0
 */
public final class LlmockExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver,
        TestExecutionExceptionHandler {
    private final ExtensionSettings settings;

    /** The extension with no settings of its own, as {@code @Generated} and {@code @LlmockSettings} register it. */
    public LlmockExtension() {
        this(ExtensionSettings.NONE);
    }

    private LlmockExtension(ExtensionSettings settings) {
        this.settings = settings;
    }

    /**
     * Configures an extension for {@code @RegisterExtension} in a static field.
     *
     * @return a new builder
     * @since 0.2.0
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (Registration.acts(this, settings, context)) {
            Injector.injectFields(context.getRequiredTestClass(), null, context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (Registration.acts(this, settings, context)) {
            for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
                Injector.injectFields(instance.getClass(), instance, context);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(Generated.class) && Registration.acts(this, settings, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Injector.parameter(parameter, context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (Registration.acts(this, settings, context)) {
            FailureReport.attach(context, throwable);
        }
        throw throwable;
    }

    /**
     * Settings for one test class, in code; each option once, the rest as {@link LlmockSettings} describes.
     *
     * @since 0.2.0
     */
    public static final class Builder {
        private Supplier<LlmockConfig> config;
        private RecordMode mode;
        private Path cassettesDirectory;
        private String cassette;
        private Duration maxAge;
        private ObjectMapper objectMapper;

        private Builder() {
        }

        /**
         * Sets the configuration, e.g. from {@link LlmockConfig#newBuilder()}, instead of {@code llmock.json}.
         *
         * @param value the configuration
         * @return this builder
         */
        public Builder config(LlmockConfig value) {
            Objects.requireNonNull(value, "config");
            return config(() -> value);
        }

        /**
         * Sets the configuration, made when the class first needs it: after the class's other extensions started what
         * it
         * points at, e.g. {@code () -> LlmockConfig.newBuilder()...baseUrl(ollama.getEndpoint())...build()} with a
         * Testcontainers container.
         *
         * @param value makes the configuration, once per class
         * @return this builder
         */
        public Builder config(Supplier<LlmockConfig> value) {
            requireUnset(config, "config");
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * Sets the record mode, instead of {@value RecordMode#MODE_PROPERTY} and {@value RecordMode#MODE_ENV}.
         *
         * @param value the mode
         * @return this builder
         */
        public Builder mode(RecordMode value) {
            requireUnset(mode, "mode");
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /**
         * Sets where the class's cassette is, instead of {@link CassetteSettings#DIRECTORY}'s sources.
         *
         * @param value the directory
         * @return this builder
         */
        public Builder cassettesDirectory(Path value) {
            requireUnset(cassettesDirectory, "cassettesDirectory");
            this.cassettesDirectory = Objects.requireNonNull(value, "cassettesDirectory");
            return this;
        }

        /**
         * Sets the cassette's name (file {@code <name>.json}) instead of the test class's fully qualified name.
         *
         * @param value the name
         * @return this builder
         */
        public Builder cassette(String value) {
            requireUnset(cassette, "cassette");
            this.cassette = Objects.requireNonNull(value, "cassette");
            return this;
        }

        /**
         * Sets the age beyond which entries are stale, instead of {@link CassetteSettings#MAX_AGE}'s sources.
         *
         * @param value the age, positive
         * @return this builder
         */
        public Builder maxAge(Duration value) {
            requireUnset(maxAge, "maxAge");
            this.maxAge = Objects.requireNonNull(value, "maxAge");
            return this;
        }

        /**
         * Sets the mapper that turns fixtures into the parameters' and fields' types (your application's, with its
         * modules
         * and features); by default one with every Jackson module on the class path.
         *
         * @param value the mapper
         * @return this builder
         */
        public Builder objectMapper(ObjectMapper value) {
            requireUnset(objectMapper, "objectMapper");
            this.objectMapper = Objects.requireNonNull(value, "objectMapper");
            return this;
        }

        /**
         * Builds the extension.
         *
         * @return the extension, for a {@code static} field annotated {@code @RegisterExtension}
         */
        public LlmockExtension build() {
            return new LlmockExtension(new ExtensionSettings(config, mode, cassettesDirectory, cassette, maxAge,
                    objectMapper));
        }

        private static void requireUnset(Object current, String option) {
            if (current != null) {
                throw new IllegalStateException(Messages.optionSetTwice(option));
            }
        }
    }
}

package dev.llmock;

import dev.llmock.internal.config.Messages;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One llmock setting: where it may be written (a system property or JUnit configuration parameter, an environment
 * variable, a key of {@code llmock.json}), its default, and how its text becomes a value. A
 * {@link SettingResolver} reads it in one order for every module: a value given in code (annotation or builder), then
 * the property, then the environment variable, then {@code llmock.json}, then the default.
 *
 * <pre>{@code
 * Setting<Path> directory = Setting.<Path>newBuilder()
 *         .property("llmock.cassettes.dir")
 *         .env("LLMOCK_CASSETTES_DIR")
 *         .config("cassettes.directory", config -> config.cassettes().directory())
 *         .parser((text, source) -> Path.of(text), "a directory path")
 *         .defaultValue(Path.of("src/test/resources/llmock/cassettes"))
 *         .build();
 * Path dir = SettingResolver.system().withConfig(LlmockConfig.load()).get(directory);
 * }</pre>
 *
 * Instances are immutable; modules declare theirs as constants.
 *
 * @param <T> the type of the value
 * @since 0.2.0
 */
public final class Setting<T> {
    private final String property;
    private final String env;
    private final String configKey;
    private final Function<LlmockConfig, T> fromConfig;
    private final Parser<T> parser;
    private final String expected;
    private final Function<Function<String, String>, T> defaultValue;

    private Setting(Builder<T> builder) {
        this.property = builder.property;
        this.env = builder.env;
        this.configKey = builder.configKey;
        this.fromConfig = builder.fromConfig;
        this.parser = builder.parser;
        this.expected = builder.expected;
        this.defaultValue = builder.defaultValue == null ? e -> null : builder.defaultValue;
    }

    /**
     * A new builder; a setting needs a parser and at least one of property, variable and {@code llmock.json} key.
     *
     * @param <T> the type of the value
     * @return a new builder
     */
    public static <T> Builder<T> newBuilder() {
        return new Builder<>();
    }

    /** {@return the system property and JUnit configuration parameter, e.g. {@code llmock.mode}, if it has one} */
    public Optional<String> property() {
        return Optional.ofNullable(property);
    }

    /** {@return the environment variable, e.g. {@code LLMOCK_MODE}, if it has one} */
    public Optional<String> env() {
        return Optional.ofNullable(env);
    }

    /** {@return the key in {@code llmock.json}, e.g. {@code cassettes.directory}, if it has one} */
    public Optional<String> configKey() {
        return Optional.ofNullable(configKey);
    }

    /** {@return what a valid value looks like, in words: {@code one of replay, record, rerecord, live}} */
    public String expected() {
        return expected;
    }

    /** {@return the name people know it by: the property, else the {@code llmock.json} key, else the variable} */
    public String name() {
        return property != null ? property : configKey != null ? configKey : env;
    }

    /**
     * The value {@code text} stands for.
     *
     * @param text the text, trimmed before parsing
     * @param source where the text was read, for the message, e.g. {@code LLMOCK_MODE}; null for a value in code
     * @return the value
     * @throws LlmockException naming the setting, the value and what is allowed, when the text is not a value
     */
    public T parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        try {
            return parser.parse(text.trim(), source);
        } catch (LlmockException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException(Messages.invalidSetting(name(), source, text, expected), e);
        }
    }

    T fromConfig(LlmockConfig config) {
        return fromConfig == null || config == null ? null : fromConfig.apply(config);
    }

    T defaultValue(Function<String, String> environment) {
        return defaultValue.apply(environment);
    }

    @Override
    public String toString() {
        return "Setting[" + name() + "]";
    }

    /**
     * Turns a setting's text into its value.
     *
     * @param <T> the type of the value
     * @since 0.2.0
     */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * The value {@code text} (trimmed) stands for. Throw any unchecked exception when it stands for none: the
         * setting turns it into a message naming the setting, the value and what is allowed. An
         * {@link LlmockException} passes through as it is, for parsers that word their own message.
         *
         * @param text the trimmed text
         * @param source where the text was read (a property, a variable), or null for a value in code
         * @return the value
         */
        T parse(String text, String source);
    }

    /**
     * Configures a {@link Setting}; each option once, checked in {@link #build()}.
     *
     * @param <T> the type of the value
     * @since 0.2.0
     */
    public static final class Builder<T> {
        private String property;
        private String env;
        private String configKey;
        private Function<LlmockConfig, T> fromConfig;
        private Parser<T> parser;
        private String expected;
        private Function<Function<String, String>, T> defaultValue;

        private Builder() {
        }

        /**
         * Sets the system property, which is also the JUnit configuration parameter.
         *
         * @param name the property name, such as {@code llmock.mode}
         * @return this builder
         */
        public Builder<T> property(String name) {
            requireUnset(property, "property");
            this.property = requireText(name, "property");
            return this;
        }

        /**
         * Sets the environment variable.
         *
         * @param name the variable name, such as {@code LLMOCK_MODE}
         * @return this builder
         */
        public Builder<T> env(String name) {
            requireUnset(env, "env");
            this.env = requireText(name, "env");
            return this;
        }

        /**
         * The key in {@code llmock.json} and how to read its value from the parsed configuration, null when absent.
         * The configuration has validated the value already.
         *
         * @param key the key, such as {@code cassettes.directory}, for messages
         * @param read reads the value from a configuration, or returns null when the file does not set it
         * @return this builder
         */
        public Builder<T> config(String key, Function<LlmockConfig, T> read) {
            requireUnset(configKey, "config");
            this.configKey = requireText(key, "config key");
            this.fromConfig = Objects.requireNonNull(read, "read");
            return this;
        }

        /**
         * Sets how text becomes a value, and what valid text looks like, in words (for messages).
         *
         * @param value the parser
         * @param expectedValues valid text in words, such as {@code one of replay, record, rerecord, live}
         * @return this builder
         */
        public Builder<T> parser(Parser<T> value, String expectedValues) {
            requireUnset(parser, "parser");
            this.parser = Objects.requireNonNull(value, "parser");
            this.expected = requireText(expectedValues, "expected");
            return this;
        }

        /**
         * Sets the value when no source has one; none (null) by default.
         *
         * @param value the default, not null
         * @return this builder
         */
        public Builder<T> defaultValue(T value) {
            requireUnset(defaultValue, "default");
            Objects.requireNonNull(value, "default");
            this.defaultValue = environment -> value;
            return this;
        }

        /**
         * Sets a default that depends on the environment, such as {@code replay} when {@code CI} is set.
         *
         * @param value computes the default from a lookup of environment variables
         * @return this builder
         */
        public Builder<T> defaultFromEnv(Function<Function<String, String>, T> value) {
            requireUnset(defaultValue, "default");
            this.defaultValue = Objects.requireNonNull(value, "default");
            return this;
        }

        /**
         * Builds the setting.
         *
         * @return the immutable setting
         * @throws IllegalStateException if it has no parser, or neither a property, a variable nor a
         *     {@code llmock.json} key
         */
        public Setting<T> build() {
            if (parser == null) {
                throw new IllegalStateException(Messages.settingWithoutParser());
            }
            if (property == null && env == null && configKey == null) {
                throw new IllegalStateException(Messages.settingWithoutSource());
            }
            return new Setting<>(this);
        }

        private static String requireText(String value, String option) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(Messages.blankSettingOption(option));
            }
            return value;
        }

        private static void requireUnset(Object current, String option) {
            if (current != null) {
                throw new IllegalStateException(Messages.settingOptionSetTwice(option));
            }
        }
    }
}

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
 * @since 0.1.0
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

    public static <T> Builder<T> newBuilder() {
        return new Builder<>();
    }

    /** The system property and JUnit configuration parameter, e.g. {@code llmock.mode}, if it has one. */
    public Optional<String> property() {
        return Optional.ofNullable(property);
    }

    /** The environment variable, e.g. {@code LLMOCK_MODE}, if it has one. */
    public Optional<String> env() {
        return Optional.ofNullable(env);
    }

    /** The key in {@code llmock.json}, e.g. {@code cassettes.directory}, if it has one. */
    public Optional<String> configKey() {
        return Optional.ofNullable(configKey);
    }

    /** What a valid value looks like, in words: {@code one of replay, record, rerecord, live}. */
    public String expected() {
        return expected;
    }

    /** The name people know it by: the property, else the {@code llmock.json} key, else the variable. */
    public String name() {
        return property != null ? property : configKey != null ? configKey : env;
    }

    /**
     * The value {@code text} stands for.
     *
     * @param source where the text was read, for the message, e.g. {@code LLMOCK_MODE}; null for a value in code
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
     * @since 0.1.0
     */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * The value {@code text} (trimmed) stands for. Throw any unchecked exception when it stands for none: the
         * setting turns it into a message naming the setting, the value and what is allowed. An
         * {@link LlmockException} passes through as it is, for parsers that word their own message.
         *
         * @param source where the text was read (a property, a variable), or null for a value in code
         */
        T parse(String text, String source);
    }

    /**
     * Configures a {@link Setting}; each option once, checked in {@link #build()}.
     *
     * @param <T> the type of the value
     * @since 0.1.0
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

        /** The system property, which is also the JUnit configuration parameter. */
        public Builder<T> property(String name) {
            requireUnset(property, "property");
            this.property = requireText(name, "property");
            return this;
        }

        /** The environment variable. */
        public Builder<T> env(String name) {
            requireUnset(env, "env");
            this.env = requireText(name, "env");
            return this;
        }

        /**
         * The key in {@code llmock.json} and how to read its value from the parsed configuration, null when absent.
         * The configuration has validated the value already.
         */
        public Builder<T> config(String key, Function<LlmockConfig, T> read) {
            requireUnset(configKey, "config");
            this.configKey = requireText(key, "config key");
            this.fromConfig = Objects.requireNonNull(read, "read");
            return this;
        }

        /** How text becomes a value, and what valid text looks like, in words (for messages). */
        public Builder<T> parser(Parser<T> value, String expectedValues) {
            requireUnset(parser, "parser");
            this.parser = Objects.requireNonNull(value, "parser");
            this.expected = requireText(expectedValues, "expected");
            return this;
        }

        /** The value when no source has one; none (null) by default. */
        public Builder<T> defaultValue(T value) {
            requireUnset(defaultValue, "default");
            Objects.requireNonNull(value, "default");
            this.defaultValue = environment -> value;
            return this;
        }

        /** A default that depends on the environment, such as {@code replay} when {@code CI} is set. */
        public Builder<T> defaultFromEnv(Function<Function<String, String>, T> value) {
            requireUnset(defaultValue, "default");
            this.defaultValue = Objects.requireNonNull(value, "default");
            return this;
        }

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

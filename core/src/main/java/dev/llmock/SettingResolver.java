package dev.llmock;

import java.util.function.Function;

/**
 * Reads {@link Setting}s in llmock's one order of precedence:
 * <ol>
 * <li>a value given in code: an annotation attribute or a builder option;</li>
 * <li>the property: a JUnit configuration parameter ({@code junit-platform.properties}) or a system property
 *     ({@code -D});</li>
 * <li>the environment variable ({@code LLMOCK_*});</li>
 * <li>the key in {@code llmock.json};</li>
 * <li>the setting's default.</li>
 * </ol>
 * Blank text counts as absent. The sources are functions, so the JUnit extension passes its configuration parameters
 * and tests pass maps.
 *
 * <pre>{@code
 * SettingResolver settings = SettingResolver.of(key -> context.getConfigurationParameter(key).orElse(null),
 *         System::getenv).withConfig(config);
 * RecordMode mode = settings.get(CassetteSettings.MODE, annotationMode);   // annotationMode may be null
 * }</pre>
 *
 * Instances are immutable.
 *
 * @since 0.2.0
 */
public final class SettingResolver {
    private static final Function<String, String> NONE = name -> null;

    private final Function<String, String> properties;
    private final Function<String, String> env;
    private final LlmockConfig config;

    private SettingResolver(Function<String, String> properties, Function<String, String> env, LlmockConfig config) {
        this.properties = properties == null ? NONE : properties;
        this.env = env == null ? NONE : env;
        this.config = config;
    }

    /**
     * System properties and the process environment, without {@code llmock.json}.
     *
     * @return a resolver over {@link System#getProperty(String)} and {@link System#getenv(String)}
     */
    public static SettingResolver system() {
        return new SettingResolver(System::getProperty, System::getenv, null);
    }

    /**
     * The given sources, without {@code llmock.json}.
     *
     * @param properties looks up system properties or configuration parameters by name; null for none
     * @param env        looks up environment variables by name; null for none
     * @return a resolver over the given sources
     */
    public static SettingResolver of(Function<String, String> properties, Function<String, String> env) {
        return new SettingResolver(properties, env, null);
    }

    /**
     * The same sources with the values of this {@code llmock.json}.
     *
     * @param value the configuration, or null for none
     * @return a new resolver; this one is unchanged
     */
    public SettingResolver withConfig(LlmockConfig value) {
        return new SettingResolver(properties, env, value);
    }

    /**
     * The value from the sources, or the default (which may be null).
     *
     * @param <T> the type of the value
     * @param setting the setting to read
     * @return the value, or null when no source has one and the setting has no default
     * @throws LlmockException when a source's text is not a valid value, naming the setting and the source
     */
    public <T> T get(Setting<T> setting) {
        return resolve(setting, null).value();
    }

    /**
     * {@return {@code explicit} when it is not null, else the value from the sources or the default}
     *
     * @param <T> the type of the value
     * @param setting the setting to read
     * @param explicit the value given in code (an annotation attribute or builder option), or null
     * @throws LlmockException when a source's text is not a valid value, naming the setting and the source
     */
    public <T> T get(Setting<T> setting, T explicit) {
        return resolve(setting, explicit).value();
    }

    /**
     * {@return the value and where it came from, for messages that name the source}
     *
     * @param <T> the type of the value
     * @param setting the setting to read
     * @param explicit the value given in code, or null
     * @throws LlmockException when a source's text is not a valid value, naming the setting and the source
     */
    public <T> Resolved<T> resolve(Setting<T> setting, T explicit) {
        if (explicit != null) {
            return new Resolved<>(explicit, Origin.CODE, null);
        }
        String property = setting.property().orElse(null);
        String text = property == null ? null : properties.apply(property);
        if (!isBlank(text)) {
            return new Resolved<>(setting.parse(text, property), Origin.PROPERTY, property);
        }
        String variable = setting.env().orElse(null);
        text = variable == null ? null : env.apply(variable);
        if (!isBlank(text)) {
            return new Resolved<>(setting.parse(text, variable), Origin.ENVIRONMENT, variable);
        }
        T configured = setting.fromConfig(config);
        if (configured != null) {
            return new Resolved<>(configured, Origin.CONFIG, setting.configKey().orElseThrow() + " in "
                    + config.source());
        }
        return new Resolved<>(setting.defaultValue(env), Origin.DEFAULT, null);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * Where a resolved value came from.
     *
     * @since 0.2.0
     */
    public enum Origin {
        /** An annotation attribute or builder option. */
        CODE,
        /** A JUnit configuration parameter or system property. */
        PROPERTY,
        /** An environment variable. */
        ENVIRONMENT,
        /** {@code llmock.json}. */
        CONFIG,
        /** The setting's default. */
        DEFAULT
    }

    /**
     * A setting's value and where it came from.
     *
     * @param value  the value; null when the setting has no default and no source set it
     * @param origin which source gave it
     * @param where  the property, the variable or the {@code llmock.json} key and file; null for code and default
     * @param <T>    the type of the value
     * @since 0.2.0
     */
    public record Resolved<T>(T value, Origin origin, String where) {
    }
}

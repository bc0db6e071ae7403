package dev.llmock.cassette;

import dev.llmock.Setting;
import dev.llmock.SettingResolver;
import dev.llmock.internal.config.IgnoreEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The settings of the cassettes module, read by a {@link SettingResolver} in llmock's one order: a value in code
 * (annotation or builder), then the property ({@code -D} or JUnit configuration parameter), then the environment
 * variable, then {@code llmock.json}, then the default.
 *
 * <table>
 * <caption>Cassette settings</caption>
 * <tr><th>setting</th><th>property</th><th>environment</th><th>llmock.json</th><th>default</th></tr>
 * <tr><td>{@link #MODE}</td><td>{@value RecordMode#MODE_PROPERTY}</td><td>{@value RecordMode#MODE_ENV}</td>
 *     <td></td><td>{@code replay} on a CI server (one of {@link RecordMode#CI_VARIABLES} set, and not to
 *     {@code false}), else {@code once}</td></tr>
 * <tr><td>{@link #FAIL_ON_RECORD}</td><td>{@value #FAIL_ON_RECORD_PROPERTY}</td><td>{@value #FAIL_ON_RECORD_ENV}</td>
 *     <td></td><td>{@code true} on a CI server, else {@code false}</td></tr>
 * <tr><td>{@link #DIRECTORY}</td><td>{@value Cassettes#DIR_PROPERTY}</td><td>{@value #DIR_ENV}</td>
 *     <td>{@code cassettes.directory}</td><td>{@value Cassettes#DEFAULT_DIRECTORY}</td></tr>
 * <tr><td>{@link #MAX_AGE}</td><td>{@value #MAX_AGE_PROPERTY}</td><td>{@value #MAX_AGE_ENV}</td>
 *     <td>{@code cassettes.maxAge}</td><td>none</td></tr>
 * <tr><td>{@link #REDACT}</td><td></td><td></td><td>{@code cassettes.redact}</td><td>none</td></tr>
 * <tr><td>{@link #LOCK_TIMEOUT}</td><td>{@value #LOCK_TIMEOUT_PROPERTY}</td><td>{@value #LOCK_TIMEOUT_ENV}</td>
 *     <td></td><td>60 seconds</td></tr>
 * <tr><td>{@link #FLUSH_AFTER}</td><td>{@value #FLUSH_AFTER_PROPERTY}</td><td>{@value #FLUSH_AFTER_ENV}</td>
 *     <td></td><td>1 second</td></tr>
 * <tr><td>{@link #IGNORE}</td><td></td><td></td><td>{@code cassettes.ignore}</td><td>none</td></tr>
 * </table>
 *
 * <pre>{@code
 * SettingResolver settings = SettingResolver.system().withConfig(LlmockConfig.load());
 * Path directory = settings.get(CassetteSettings.DIRECTORY);
 * }</pre>
 *
 * @since 0.2.0
 */
public final class CassetteSettings {
    /** Environment variable naming the cassette directory: {@value}. */
    public static final String DIR_ENV = "LLMOCK_CASSETTES_DIR";
    /** System property and JUnit configuration parameter for the maximum age of entries: {@value}. */
    public static final String MAX_AGE_PROPERTY = "llmock.cassettes.maxAge";
    /** Environment variable for the maximum age of entries: {@value}. */
    public static final String MAX_AGE_ENV = "LLMOCK_CASSETTES_MAX_AGE";

    /** System property and JUnit configuration parameter for how long a write waits for the lock: {@value}. */
    public static final String LOCK_TIMEOUT_PROPERTY = "llmock.cassettes.lockTimeout";
    /** Environment variable for how long a write waits for the lock: {@value}. */
    public static final String LOCK_TIMEOUT_ENV = "LLMOCK_CASSETTES_LOCK_TIMEOUT";
    /** System property and JUnit configuration parameter for how soon new entries are written: {@value}. */
    public static final String FLUSH_AFTER_PROPERTY = "llmock.cassettes.flushAfter";
    /** Environment variable for how soon new entries are written: {@value}. */
    public static final String FLUSH_AFTER_ENV = "LLMOCK_CASSETTES_FLUSH_AFTER";
    /** System property and JUnit configuration parameter for {@link #FAIL_ON_RECORD}: {@value}. */
    public static final String FAIL_ON_RECORD_PROPERTY = "llmock.failOnRecord";
    /** Environment variable for {@link #FAIL_ON_RECORD}: {@value}. */
    public static final String FAIL_ON_RECORD_ENV = "LLMOCK_FAIL_ON_RECORD";

    /** The {@link RecordMode}: {@code replay} on a CI server, {@code once} elsewhere. */
    public static final Setting<RecordMode> MODE = Setting.<RecordMode>newBuilder()
            .property(RecordMode.MODE_PROPERTY)
            .env(RecordMode.MODE_ENV)
            .parser(RecordMode::parse, "one of once, replay, record, rerecord, live, or VCR's none, new_episodes, all")
            .defaultFromEnv(env -> RecordMode.onCi(env) ? RecordMode.REPLAY : RecordMode.ONCE)
            .build();

    /**
     * Whether a run that recorded anything fails ({@link Cassette#checkFailOnRecord()}), after the cassette is
     * written: on by default on a CI server, so that a CI build whose mode was set to record (in
     * {@code junit-platform.properties}, say) never calls a model silently.
     */
    public static final Setting<Boolean> FAIL_ON_RECORD = Setting.<Boolean>newBuilder()
            .property(FAIL_ON_RECORD_PROPERTY)
            .env(FAIL_ON_RECORD_ENV)
            .parser((text, source) -> bool(text), "true or false")
            .defaultFromEnv(RecordMode::onCi)
            .build();

    /** The directory cassette files live in; relative paths are relative to the working directory. */
    public static final Setting<Path> DIRECTORY = Setting.<Path>newBuilder()
            .property(Cassettes.DIR_PROPERTY)
            .env(DIR_ENV)
            .config("cassettes.directory", config -> config.cassettes().directory())
            .parser((text, source) -> Path.of(text), "a directory path")
            .defaultValue(Path.of(Cassettes.DEFAULT_DIRECTORY))
            .build();

    /** Entries older than this are stale: recorded again in {@code record}, reported in {@code replay}. */
    public static final Setting<Duration> MAX_AGE = Setting.<Duration>newBuilder()
            .property(MAX_AGE_PROPERTY)
            .env(MAX_AGE_ENV)
            .config("cassettes.maxAge", config -> config.cassettes().maxAge())
            .parser((text, source) -> positive(Duration.parse(text)),
                    "a positive ISO-8601 duration such as P30D (30 days) or PT12H (12 hours)")
            .build();

    /**
     * Java regular expressions whose matches are redacted, besides the built-in secret detection. Only in
     * {@code llmock.json}; patterns given to {@link Cassettes.Builder#redact} add to these.
     */
    public static final Setting<List<String>> REDACT = Setting.<List<String>>newBuilder()
            .config("cassettes.redact", config -> config.cassettes().redact())
            .parser((text, source) -> List.of(text), "a Java regular expression")
            .defaultValue(List.of())
            .build();

    /**
     * How long a write waits for the cassette directory's lock (held by another thread or process writing a cassette
     * there) before it fails naming the holder.
     */
    public static final Setting<Duration> LOCK_TIMEOUT = Setting.<Duration>newBuilder()
            .property(LOCK_TIMEOUT_PROPERTY)
            .env(LOCK_TIMEOUT_ENV)
            .parser((text, source) -> positive(Duration.parse(text)), "a positive ISO-8601 duration such as PT60S")
            .defaultValue(Duration.ofSeconds(60))
            .build();

    /**
     * How soon an entry recorded while a cassette is open is written to its file (with the others recorded
     * meanwhile), so that a process killed mid-run loses at most this much; {@code PT0S} writes only on save.
     */
    public static final Setting<Duration> FLUSH_AFTER = Setting.<Duration>newBuilder()
            .property(FLUSH_AFTER_PROPERTY)
            .env(FLUSH_AFTER_ENV)
            .parser((text, source) -> notNegative(Duration.parse(text)),
                    "an ISO-8601 duration such as PT1S, or PT0S to write only on save")
            .defaultValue(Duration.ofSeconds(1))
            .build();

    /**
     * Parts of HTTP requests left out of cassette keys by the WireMock extension, so that a volatile value (a fresh
     * request id, a timestamp) does not stop a request from replaying: {@code body.<field path>},
     * {@code query.<name>}, {@code header.<name>}. Only in {@code llmock.json}, where each entry is checked when
     * the file is read; a stub adds its own with the transformer parameter {@code ignore}.
     */
    public static final Setting<List<String>> IGNORE = Setting.<List<String>>newBuilder()
            .config("cassettes.ignore", config -> config.cassettes().ignore())
            .parser((text, source) -> {
                IgnoreEntry.parse(text);
                return List.of(text);
            }, IgnoreEntry.EXPECTED)
            .defaultValue(List.of())
            .build();

    private CassetteSettings() {
    }

    private static Duration notNegative(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative: " + duration);
        }
        return duration;
    }

    private static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException("not a boolean: " + text);
    }

    private static Duration positive(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("not positive: " + duration);
        }
        return duration;
    }
}

package dev.llmock.cassette;

import dev.llmock.LlmockConfig;
import dev.llmock.SettingResolver;
import dev.llmock.cassette.internal.CassetteNames;
import dev.llmock.cassette.internal.CassetteSession;
import dev.llmock.cassette.internal.CassetteVerifier;
import dev.llmock.cassette.internal.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The cassettes of one directory, in one {@link RecordMode}: opens each cassette file once and hands out the same
 * {@link Cassette} for the same name.
 *
 * <pre>{@code
 * Cassettes cassettes = Cassettes.newBuilder()
 *         .config(LlmockConfig.load())        // reads {"cassettes": {"maxAge": "P30D", "redact": ["ACME-\\d+"]}}
 *         .build();                           // mode from llmock.mode / LLMOCK_MODE / CI
 * Cassette cassette = cassettes.open("com.acme.UserTest");
 * }</pre>
 *
 * <p>Each option comes from the builder, else as {@link CassetteSettings} says: the system property, the
 * environment variable, the configuration's {@code cassettes} section, the default. The directory, for instance, is
 * {@link Builder#directory}, else {@value #DIR_PROPERTY}, else {@value CassetteSettings#DIR_ENV}, else
 * {@code cassettes.directory}, else {@value #DEFAULT_DIRECTORY}. Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Cassettes {
    /** Where cassettes live unless configured otherwise: {@value}. */
    public static final String DEFAULT_DIRECTORY = "src/test/resources/llmock/cassettes";
    /** System property and JUnit configuration parameter naming the cassette directory: {@value}. */
    public static final String DIR_PROPERTY = "llmock.cassettes.dir";

    private final Path directory;
    private final RecordMode mode;
    private final Clock clock;
    private final Duration maxAge;
    private final CassetteSession.Options options;
    /** Why recording fails the run, or null when it does not. */
    private final String failOnRecord;
    private final ConcurrentMap<String, Cassette> open = new ConcurrentHashMap<>();

    private Cassettes(Path directory, CassetteSession.Options options, String failOnRecord) {
        this.directory = directory;
        this.mode = options.mode();
        this.clock = options.clock();
        this.maxAge = options.maxAge();
        this.options = options;
        this.failOnRecord = failOnRecord;
    }

    /**
     * A new builder; options it does not set come from {@link CassetteSettings}' sources.
     *
     * @return a new builder
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * The cassette {@code <directory>/<name>.json}, loaded now (except in {@link RecordMode#LIVE}); the same instance
     * for the same name.
     *
     * @throws CorruptCassetteException when the file exists and cannot be read
     * @param name the cassette's name, such as a test class's fully qualified name
     * @return the cassette
     * @throws IllegalArgumentException when no cassette file can have that name (such as {@code a..b})
     */
    public Cassette open(String name) {
        Objects.requireNonNull(name, "name");
        return open.computeIfAbsent(name, n -> {
            Path file = fileOf(n);
            return new Cassette(n, CassetteSession.open(file, options), failOnRecord);
        });
    }

    private Path fileOf(String name) {
        if (!CassetteNames.valid(name)) {
            throw new IllegalArgumentException(Messages.badName(name));
        }
        return directory.resolve(name + ".json");
    }

    /** {@return the mode every cassette of this instance runs in} */
    public RecordMode mode() {
        return mode;
    }

    /** {@return the directory the cassette files are in} */
    public Path directory() {
        return directory;
    }

    /** {@return the age beyond which entries are stale, or empty when entries never go stale} */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /**
     * {@return how long a write waits for the directory's lock; see {@link CassetteSettings#LOCK_TIMEOUT}}
     *
     * @since 0.2.0
     */
    public Duration lockTimeout() {
        return options.lockTimeout();
    }

    /**
     * {@return how soon recorded entries are written to their file; see {@link CassetteSettings#FLUSH_AFTER}}
     *
     * @since 0.2.0
     */
    public Duration flushAfter() {
        return options.flushAfter();
    }

    /**
     * {@return whether a run that records anything fails ({@link Cassette#checkFailOnRecord()})}
     *
     * @since 0.2.0
     */
    public boolean failOnRecord() {
        return failOnRecord != null;
    }

    /**
     * The names of the cassettes in the directory (files {@code *.json}, without the extension), sorted; files whose
     * names no cassette can have (such as {@code a..b.json}) are left out.
     *
     * @return the names, sorted
     */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Path file : CassetteVerifier.files(directory)) {
            if (file.getParent().equals(directory) && CassetteNames.valid(CassetteNames.of(file))) {
                names.add(CassetteNames.of(file));
            }
        }
        return names;
    }

    /**
     * Checks every cassette file under the directory, counting entries older than this instance's maxAge.
     *
     * @return one check per file, in path order
     */
    public List<CassetteCheck> verify() {
        return CassetteVerifier.files(directory).stream()
                .map(file -> CassetteVerifier.check(file, maxAge, clock)).toList();
    }

    /**
     * Checks every cassette file under {@code directory} without changing any: readable JSON, the cassette format,
     * keys that match their requests, fixtures that fit their shapes, no temporary files left by an interrupted write.
     * A file whose name no cassette can have (such as {@code a..b.json}) is {@link CassetteCheck#skipped() skipped}.
     *
     * @param directory the directory to walk
     * @return one check per file, in path order
     */
    public static List<CassetteCheck> verify(Path directory) {
        return CassetteVerifier.files(directory).stream()
                .map(file -> CassetteVerifier.check(file, null, Clock.systemUTC())).toList();
    }

    /**
     * Facts about one cassette file, read without changing it.
     *
     * @param file the cassette file
     * @return its facts
     * @throws CorruptCassetteException when the file cannot be read as a cassette
     */
    public static CassetteStats stats(Path file) {
        return CassetteVerifier.stats(file);
    }

    @Override
    public String toString() {
        return "Cassettes[" + directory + ", " + mode.id() + (maxAge == null ? "" : ", maxAge " + maxAge) + "]";
    }

    /**
     * Configures {@link Cassettes}; each option once, checked in {@link #build()}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Path directory;
        private RecordMode mode;
        private Clock clock;
        private Duration maxAge;
        private List<String> redact;
        private Duration lockTimeout;
        private Duration flushAfter;
        private LlmockConfig config;
        private SettingResolver settings;
        private Boolean failOnRecord;

        private Builder() {
        }

        /**
         * Sets the cassette directory; see {@link CassetteSettings#DIRECTORY} for where it comes from otherwise.
         *
         * @param value the directory
         * @return this builder
         */
        public Builder directory(Path value) {
            requireUnset(directory, "directory");
            this.directory = Objects.requireNonNull(value, "directory");
            return this;
        }

        /**
         * Sets the mode; see {@link CassetteSettings#MODE} for where it comes from otherwise.
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
         * Sets whether a run that records anything fails, after the cassette is written; see
         * {@link CassetteSettings#FAIL_ON_RECORD} for where it comes from otherwise (on by default on a CI server).
         *
         * @param value true to fail a run that records
         * @return this builder
         * @since 0.2.0
         */
        public Builder failOnRecord(boolean value) {
            requireUnset(failOnRecord, "failOnRecord");
            this.failOnRecord = value;
            return this;
        }

        /**
         * Sets the clock that judges {@code maxAge}; the system UTC clock by default.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            requireUnset(clock, "clock");
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets the age beyond which entries are stale: re-recorded in record mode, reported in replay; see
         * {@link CassetteSettings#MAX_AGE} for where it comes from otherwise (none by default).
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
         * Sets how long a write waits for the cassette directory's lock, held by another thread or process writing
         * there,
         * before it fails naming the holder; see {@link CassetteSettings#LOCK_TIMEOUT} (60 seconds by default).
         *
         * @param value the timeout, positive
         * @return this builder
         * @since 0.2.0
         */
        public Builder lockTimeout(Duration value) {
            requireUnset(lockTimeout, "lockTimeout");
            this.lockTimeout = Objects.requireNonNull(value, "lockTimeout");
            return this;
        }

        /**
         * Sets how soon a recorded entry is written to its file, together with the others recorded meanwhile, so that a
         * process killed mid-run loses at most that much; {@link Duration#ZERO} writes only on {@link Cassette#save()}.
         * See {@link CassetteSettings#FLUSH_AFTER} (1 second by default).
         *
         * @param value the delay, zero or positive
         * @return this builder
         * @since 0.2.0
         */
        public Builder flushAfter(Duration value) {
            requireUnset(flushAfter, "flushAfter");
            this.flushAfter = Objects.requireNonNull(value, "flushAfter");
            return this;
        }

        /**
         * Adds Java regular expressions whose matches are redacted, on top of the built-in secret detection.
         *
         * @param patterns the patterns
         * @return this builder
         */
        public Builder redact(String... patterns) {
            requireUnset(redact, "redact");
            this.redact = List.of(patterns);
            return this;
        }

        /**
         * Sets the {@code llmock.json} whose {@code cassettes} section ({@code directory}, {@code maxAge},
         * {@code redact})
         * is read, below system properties and the environment. Options set on this builder win; patterns add up.
         *
         * @param value the configuration
         * @return this builder
         */
        public Builder config(LlmockConfig value) {
            requireUnset(config, "config");
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * Sets where the options not set on this builder come from: system properties and the environment by default
         * (see {@link CassetteSettings}). The JUnit extension passes its configuration parameters this way.
         *
         * @param value the sources
         * @return this builder
         * @since 0.2.0
         */
        public Builder settings(SettingResolver value) {
            requireUnset(settings, "settings");
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * Builds the cassettes, reading each option not set here from its sources.
         *
         * @return the cassettes, immutable and thread-safe
         * @throws IllegalArgumentException when a duration is out of range or a pattern is not a regular expression
         * @throws dev.llmock.LlmockException when a source's text is not a valid value, naming the setting and the
         *     source
         */
        public Cassettes build() {
            if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
                throw new IllegalArgumentException(Messages.nonPositiveMaxAge(maxAge));
            }
            if (lockTimeout != null && (lockTimeout.isNegative() || lockTimeout.isZero())) {
                throw new IllegalArgumentException(Messages.nonPositiveLockTimeout(lockTimeout));
            }
            if (flushAfter != null && flushAfter.isNegative()) {
                throw new IllegalArgumentException(Messages.negativeFlushAfter(flushAfter));
            }
            SettingResolver sources = settings == null ? SettingResolver.system() : settings;
            if (config != null) {
                sources = sources.withConfig(config);
            }
            List<String> patterns = new ArrayList<>(sources.get(CassetteSettings.REDACT));
            if (redact != null) {
                patterns.addAll(redact);
            }
            return new Cassettes(sources.get(CassetteSettings.DIRECTORY, directory), new CassetteSession.Options(
                    sources.get(CassetteSettings.MODE, mode), clock == null ? Clock.systemUTC() : clock,
                    sources.get(CassetteSettings.MAX_AGE, maxAge), List.copyOf(compile(patterns)),
                    sources.get(CassetteSettings.LOCK_TIMEOUT, lockTimeout),
                    sources.get(CassetteSettings.FLUSH_AFTER, flushAfter)),
                    failOnRecordReason(sources.resolve(CassetteSettings.FAIL_ON_RECORD, failOnRecord)));
        }

        /** Why recording fails the run, for the message; null when it does not. */
        private static String failOnRecordReason(SettingResolver.Resolved<Boolean> resolved) {
            return Boolean.TRUE.equals(resolved.value())
                    ? Messages.failOnRecordReason(resolved.origin(), resolved.where()) : null;
        }

        private static List<Pattern> compile(List<String> patterns) {
            List<Pattern> compiled = new ArrayList<>();
            for (String pattern : patterns) {
                try {
                    compiled.add(Pattern.compile(pattern));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(Messages.badPattern(pattern, e.getDescription()), e);
                }
            }
            return compiled;
        }

        private static void requireUnset(Object current, String option) {
            if (current != null) {
                throw new IllegalStateException(Messages.optionSetTwice(option));
            }
        }
    }
}

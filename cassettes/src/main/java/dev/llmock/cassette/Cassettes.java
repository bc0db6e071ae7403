package dev.llmock.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.ConfigException;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.internal.CassetteFile;
import dev.llmock.cassette.internal.CassetteSession;
import dev.llmock.cassette.internal.CassetteVerifier;
import dev.llmock.cassette.internal.Messages;
import dev.llmock.cassette.internal.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
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
 * <p>The directory is, in order: {@link Builder#directory}, the system property {@value #DIR_PROPERTY}, the
 * configuration's {@code cassettes.directory}, {@value #DEFAULT_DIRECTORY}. The mode is {@link Builder#mode}, else
 * {@link RecordMode#resolve} on system properties and the environment. Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Cassettes {
    /** Where cassettes live unless configured otherwise: {@value}. */
    public static final String DEFAULT_DIRECTORY = "src/test/resources/llmock/cassettes";
    /** System property naming the cassette directory: {@value}. */
    public static final String DIR_PROPERTY = "llmock.cassettes.dir";

    private final Path directory;
    private final RecordMode mode;
    private final Clock clock;
    private final Duration maxAge;
    private final Redactor redactor;
    private final ConcurrentMap<String, Cassette> open = new ConcurrentHashMap<>();

    private Cassettes(Path directory, RecordMode mode, Clock clock, Duration maxAge, List<Pattern> redact) {
        this.directory = directory;
        this.mode = mode;
        this.clock = clock;
        this.maxAge = maxAge;
        this.redactor = new Redactor(redact);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * The cassette {@code <directory>/<name>.json}, loaded now (except in {@link RecordMode#LIVE}); the same instance
     * for the same name.
     *
     * @throws CorruptCassetteException when the file exists and cannot be read
     */
    public Cassette open(String name) {
        Objects.requireNonNull(name, "name");
        return open.computeIfAbsent(name, n -> {
            Path file = fileOf(n);
            return new Cassette(n, new CassetteSession(new CassetteFile(file), mode, clock, maxAge, redactor));
        });
    }

    private Path fileOf(String name) {
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")
                || name.contains("..")) {
            throw new IllegalArgumentException(Messages.badName(name));
        }
        return directory.resolve(name + ".json");
    }

    public RecordMode mode() {
        return mode;
    }

    public Path directory() {
        return directory;
    }

    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /** The names of the cassettes in the directory (files {@code *.json}, without the extension), sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Path file : CassetteVerifier.files(directory)) {
            if (file.getParent().equals(directory)) {
                String fileName = file.getFileName().toString();
                names.add(fileName.substring(0, fileName.length() - ".json".length()));
            }
        }
        return names;
    }

    /** Checks every cassette file under the directory, counting entries older than this instance's maxAge. */
    public List<CassetteCheck> verify() {
        return CassetteVerifier.files(directory).stream()
                .map(file -> CassetteVerifier.check(file, maxAge, clock)).toList();
    }

    /**
     * Checks every cassette file under {@code directory} without changing any: readable JSON, the cassette format,
     * keys that match their requests, fixtures that fit their shapes, no temporary files left by an interrupted write.
     */
    public static List<CassetteCheck> verify(Path directory) {
        return CassetteVerifier.files(directory).stream()
                .map(file -> CassetteVerifier.check(file, null, Clock.systemUTC())).toList();
    }

    /** Facts about one cassette file, read without changing it. */
    public static CassetteStats stats(Path file) {
        return CassetteVerifier.stats(file, new CassetteFile(file).read());
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
        private LlmockConfig config;

        private Builder() {
        }

        /** The cassette directory; see {@link Cassettes} for the default. */
        public Builder directory(Path value) {
            requireUnset(directory, "directory");
            this.directory = Objects.requireNonNull(value, "directory");
            return this;
        }

        /** The mode; by default {@link RecordMode#resolve} on system properties and the environment. */
        public Builder mode(RecordMode value) {
            requireUnset(mode, "mode");
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /** The clock that judges {@code maxAge}; the system UTC clock by default. */
        public Builder clock(Clock value) {
            requireUnset(clock, "clock");
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Entries older than this are stale: re-recorded in record mode, reported in replay; none by default. */
        public Builder maxAge(Duration value) {
            requireUnset(maxAge, "maxAge");
            this.maxAge = Objects.requireNonNull(value, "maxAge");
            return this;
        }

        /** Java regular expressions whose matches are redacted, on top of the built-in secret detection. */
        public Builder redact(String... patterns) {
            requireUnset(redact, "redact");
            this.redact = List.of(patterns);
            return this;
        }

        /**
         * Reads the configuration's {@code cassettes} section: {@code directory}, {@code maxAge} (ISO-8601, e.g.
         * {@code "P30D"}) and {@code redact} (patterns). Options set on this builder win; patterns add up.
         */
        public Builder config(LlmockConfig value) {
            requireUnset(config, "config");
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        public Cassettes build() {
            Path dir = directory;
            Duration age = maxAge;
            List<String> patterns = new ArrayList<>();
            JsonNode section = config == null ? null : config.cassettes();
            if (section != null && section.isObject()) {
                String source = config.source();
                Iterator<String> keys = section.fieldNames();
                while (keys.hasNext()) {
                    String key = keys.next();
                    if (!List.of("directory", "maxAge", "redact").contains(key)) {
                        throw new ConfigException(Messages.badConfigKey(source, key));
                    }
                }
                if (dir == null && System.getProperty(DIR_PROPERTY) == null && section.hasNonNull("directory")) {
                    if (!section.get("directory").isTextual()) {
                        throw new ConfigException(Messages.badConfigValue(source, "directory", "a path as a string"));
                    }
                    dir = Path.of(section.get("directory").asText());
                }
                if (age == null && section.hasNonNull("maxAge")) {
                    age = parseMaxAge(source, section.get("maxAge"));
                }
                JsonNode configured = section.path("redact");
                if (!configured.isMissingNode() && !configured.isNull()) {
                    if (!configured.isArray()) {
                        throw new ConfigException(Messages.badConfigValue(source, "redact",
                                "an array of regular expressions"));
                    }
                    configured.forEach(pattern -> patterns.add(pattern.asText()));
                }
            }
            if (redact != null) {
                patterns.addAll(redact);
            }
            if (dir == null) {
                dir = Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIRECTORY));
            }
            if (age != null && (age.isNegative() || age.isZero())) {
                throw new IllegalArgumentException(Messages.nonPositiveMaxAge(age));
            }
            RecordMode resolved = mode != null ? mode : RecordMode.resolve(null, System::getProperty, System::getenv);
            return new Cassettes(dir, resolved, clock == null ? Clock.systemUTC() : clock, age, compile(patterns));
        }

        private static Duration parseMaxAge(String source, JsonNode value) {
            try {
                Duration parsed = Duration.parse(value.asText());
                if (parsed.isNegative() || parsed.isZero()) {
                    throw new ConfigException(Messages.badMaxAge(source, value.asText()));
                }
                return parsed;
            } catch (DateTimeParseException e) {
                throw new ConfigException(Messages.badMaxAge(source, value.asText()), e);
            }
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

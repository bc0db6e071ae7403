package dev.llmock;

import dev.llmock.internal.config.ConfigLocator;
import dev.llmock.internal.config.ConfigReader;
import dev.llmock.internal.config.ConfigTree;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed, immutable {@code llmock.json}: named backends and engine settings.
 *
 * <pre>{@code
 * {
 *   "temperature": 0.7,
 *   "timeoutSeconds": 60,
 *   "backends": [
 *     {"name": "fast", "provider": "ollama", "baseUrl": "http://localhost:11434", "model": "llama3.2"},
 *     {"name": "quality", "provider": "openai", "model": "gpt-4o-mini", "apiKey": "${OPENAI_API_KEY}"}
 *   ]
 * }
 * }</pre>
 *
 * LLMockApi's own file ({@code {"MockLlmApi": {"LlmBackends": [...]}}}, PascalCase keys) is read as is. The same
 * configuration in code, checked by the same rules:
 * <pre>{@code
 * LlmockConfig config = LlmockConfig.newBuilder()
 *         .temperature(0.7)
 *         .backend(BackendConfig.newBuilder("fast").provider("ollama").baseUrl("http://localhost:11434")
 *                 .model("llama3.2").build())
 *         .backend(BackendConfig.newBuilder("quality").provider("openai").model("gpt-4o-mini")
 *                 .apiKey(System.getenv("OPENAI_API_KEY")).build())
 *         .defaultBackend("fast")
 *         .build();
 * }</pre>
 *
 * @param temperature     sampling temperature sent to providers, or null for 0.7
 * @param timeoutSeconds  per-call timeout, or null for 60
 * @param defaultBackend  the name used when a request names none, or null for the first enabled backend
 * @param backends        every configured backend, disabled ones included
 * @param routing         tier name ({@code simple}, {@code medium}, {@code complex}) to backend name
 * @param retry           retry settings
 * @param circuitBreaker  circuit breaker settings
 * @param limits          bounds for strings and arrays sent to providers
 * @param cassettes       the {@code cassettes} section, read by the cassettes module ({@link CassettesSection#NONE}
 *                        when absent)
 * @param source          where this configuration came from, for messages
 * @since 0.1.0
 */
public record LlmockConfig(Double temperature, Integer timeoutSeconds, String defaultBackend,
                           List<BackendConfig> backends, Map<String, String> routing, Retry retry,
                           CircuitBreaker circuitBreaker, Limits limits, CassettesSection cassettes,
                           String source) {

    /** System property naming the configuration file: {@value}. */
    public static final String CONFIG_PROPERTY = "llmock.config";
    /** Environment variable naming the configuration file: {@value}. */
    public static final String CONFIG_ENV = "LLMOCK_CONFIG";
    /** Classpath resource read when neither is set: {@value}. */
    public static final String CONFIG_RESOURCE = "llmock.json";
    /** The provider name of the embedded generator: {@value}. */
    public static final String SYNTHETIC = "synthetic";

    /**
     * The configuration file: {@value #CONFIG_PROPERTY}, then {@value #CONFIG_ENV}; without either (null), the
     * classpath resource {@value #CONFIG_RESOURCE}.
     *
     * @since 0.2.0
     */
    public static final Setting<Path> FILE = Setting.<Path>newBuilder().property(CONFIG_PROPERTY).env(CONFIG_ENV)
            .parser((text, source) -> Path.of(text), "the path of a llmock.json file").build();

    /**
     * Copies the lists and maps, so the configuration stays immutable; a null {@code cassettes} is
     * {@link CassettesSection#NONE}.
     *
     * @param temperature sampling temperature sent to providers, or null for 0.7
     * @param timeoutSeconds per-call timeout, or null for 60
     * @param defaultBackend the name used when a request names none, or null for the first enabled backend
     * @param backends every configured backend, disabled ones included
     * @param routing tier name ({@code simple}, {@code medium}, {@code complex}) to backend name
     * @param retry retry settings
     * @param circuitBreaker circuit breaker settings
     * @param limits bounds for strings and arrays sent to providers
     * @param cassettes the {@code cassettes} section, read by the cassettes module ({@link CassettesSection#NONE}
     *     when absent)
     * @param source where this configuration came from, for messages
     */
    public LlmockConfig {
        backends = List.copyOf(backends);
        routing = Map.copyOf(routing);
        cassettes = cassettes == null ? CassettesSection.NONE : cassettes;
    }

    /**
     * Retries with exponential back-off: {@code retry.maxAttempts}, {@code retry.baseDelayMs}, {@code
     * retry.maxDelayMs}.
     *
     * @param maxAttempts HTTP attempts per call, the first included
     * @param baseDelayMs the first back-off, doubled for each further attempt
     * @param maxDelayMs the cap on back-off and on the wait a provider asks for in {@code retry-after}
     * @since 0.1.0
     */
    public record Retry(int maxAttempts, long baseDelayMs, long maxDelayMs) {
        /** The defaults: 3 attempts, 500 ms doubling up to 30 s. */
        public static final Retry DEFAULT = new Retry(3, 500, 30_000);
    }

    /**
     * Opens after {@code failureThreshold} consecutive failures, half-opens after {@code openSeconds}.
     *
     * @param enabled whether a backend's calls go through a circuit breaker
     * @param failureThreshold consecutive failed attempts that open a backend's circuit
     * @param openSeconds how long the circuit stays open before one trial call is let through
     * @since 0.1.0
     */
    public record CircuitBreaker(boolean enabled, int failureThreshold, int openSeconds) {
        /** The defaults: enabled, open after 5 failures, for 30 seconds. */
        public static final CircuitBreaker DEFAULT = new CircuitBreaker(true, 5, 30);
    }

    /**
     * Bounds put on every string and array in the schema sent to a provider, unless the shape has its own.
     *
     * @param maxStringLength the longest string asked for
     * @param maxArrayItems the most items asked for in an array
     * @since 0.1.0
     */
    public record Limits(int maxStringLength, int maxArrayItems) {
        /** The defaults: strings up to 200 characters, arrays up to 20 items. */
        public static final Limits DEFAULT = new Limits(200, 20);
    }

    /**
     * The {@code cassettes} section, validated when the file is read: {@code {"directory": "...", "maxAge": "P30D",
     * "redact": ["ACME-\\d+"], "ignore": ["body.requestId", "query.ts", "header.X-Trace-Id"]}}.
     *
     * @param directory where cassette files live, or null when the section does not say
     * @param maxAge entries older than this are stale, or null when the section does not say
     * @param redact Java regular expressions whose matches are redacted, besides the built-in ones
     * @param ignore parts of HTTP requests left out of cassette keys: {@code body.<field path>},
     *     {@code query.<name>}, {@code header.<name>}
     * @since 0.2.0
     */
    public record CassettesSection(Path directory, Duration maxAge, List<String> redact, List<String> ignore) {
        /** A missing section. */
        public static final CassettesSection NONE = new CassettesSection(null, null, List.of(), List.of());

        /**
         * Copies the lists, so the section stays immutable.
         *
         * @param directory where cassette files live, or null when the section does not say
         * @param maxAge entries older than this are stale, or null when the section does not say
         * @param redact Java regular expressions whose matches are redacted, besides the built-in ones
         * @param ignore parts of HTTP requests left out of cassette keys: {@code body.<field path>},
         *     {@code query.<name>}, {@code header.<name>}
         */
        public CassettesSection {
            redact = List.copyOf(redact);
            ignore = List.copyOf(ignore);
        }

        /**
         * A section that ignores no part of a request.
         *
         * @param directory where cassette files live, or null when the section does not say
         * @param maxAge entries older than this are stale, or null when the section does not say
         * @param redact Java regular expressions whose matches are redacted, besides the built-in ones
         */
        public CassettesSection(Path directory, Duration maxAge, List<String> redact) {
            this(directory, maxAge, redact, List.of());
        }
    }

    /**
     * No configuration: every backend name resolves to the embedded synthetic generator.
     *
     * @return the empty configuration
     */
    public static LlmockConfig none() {
        return new LlmockConfig(null, null, null, List.of(), Map.of(), Retry.DEFAULT, CircuitBreaker.DEFAULT,
                Limits.DEFAULT, CassettesSection.NONE, "none");
    }

    /**
     * Finds the configuration as documented: system property {@value #CONFIG_PROPERTY}, then environment variable
     * {@value #CONFIG_ENV}, then {@value #CONFIG_RESOURCE} at the classpath root; {@link #none()} when none exists.
     *
     * @return the configuration found, or {@link #none()}
     * @throws ConfigException if the file found cannot be read or is invalid, naming the file and the key
     */
    public static LlmockConfig load() {
        return ConfigLocator.systemDefault().load();
    }

    /**
     * Reads a configuration file. {@code ${VAR}} placeholders stay as written until a backend is first used live (see
     * {@link BackendConfig}).
     *
     * @param file the {@code llmock.json} file
     * @return the configuration
     * @throws ConfigException if the file cannot be read or is invalid, naming the file and the key
     */
    public static LlmockConfig fromFile(Path file) {
        return ConfigLocator.systemDefault().fromFile(file);
    }

    /**
     * Parses configuration text; {@code source} names it in error messages.
     *
     * @param json the configuration as JSON text
     * @param source what to call the text in messages (a file name, for example)
     * @return the configuration
     * @throws ConfigException if the text is invalid, naming the source and the key
     */
    public static LlmockConfig parse(String json, String source) {
        return ConfigReader.read(json, source);
    }

    /**
     * A configuration in code: the same keys as {@code llmock.json}, checked by the same rules when built.
     *
     * @return a new builder
     * @since 0.2.0
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** {@return true when no backend is configured, so every name resolves to {@code synthetic}} */
    public boolean isEmpty() {
        return backends.isEmpty();
    }

    /**
     * The enabled backends named {@code name}, in file order.
     *
     * @param name the backend name
     * @return the pool's entries; empty when no enabled backend has that name
     */
    public List<BackendConfig> backendsNamed(String name) {
        return backends.stream().filter(b -> b.enabled() && b.name().equals(name)).toList();
    }

    /**
     * The name a request with no backend uses: {@code defaultBackend}, else the first enabled one, else synthetic.
     *
     * @return the backend name
     */
    public String resolveDefaultBackend() {
        if (defaultBackend != null) {
            return defaultBackend;
        }
        return backends.stream().filter(BackendConfig::enabled).map(BackendConfig::name).findFirst()
                .orElse(SYNTHETIC);
    }

    /**
     * The configured name for a routing tier, if any.
     *
     * @param tier {@code simple}, {@code medium} or {@code complex}
     * @return the backend name, or empty when the tier is not routed
     */
    public Optional<String> route(String tier) {
        return Optional.ofNullable(routing.get(tier));
    }

    /**
     * Builds an {@link LlmockConfig} in code. Each option once ({@link #backend} and {@link #route} once per backend
     * and tier); {@link #build()} checks the whole as {@code llmock.json} is checked, with the same messages, naming
     * {@code LlmockConfig.newBuilder()} where a file's messages name the file. {@code ${VAR}} in a value is read from
     * the environment, as in the file.
     *
     * @since 0.2.0
     */
    public static final class Builder {
        private static final String SOURCE = "LlmockConfig.newBuilder()";
        private final ConfigTree tree = new ConfigTree();
        private final Set<String> set = new HashSet<>();

        private Builder() {
        }

        /**
         * Sets the sampling temperature sent to providers, 0 to 2; 0.7 by default.
         *
         * @param value the temperature
         * @return this builder
         */
        public Builder temperature(double value) {
            once("temperature");
            tree.temperature(value);
            return this;
        }

        /**
         * Sets the per-call timeout in seconds; 60 by default.
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder timeoutSeconds(int value) {
            once("timeoutSeconds");
            tree.timeoutSeconds(value);
            return this;
        }

        /**
         * Sets the backend a request that names none uses; by default the first enabled one.
         *
         * @param name the backend name
         * @return this builder
         */
        public Builder defaultBackend(String name) {
            once("defaultBackend");
            tree.defaultBackend(Objects.requireNonNull(name, "defaultBackend"));
            return this;
        }

        /**
         * Adds a backend; backends sharing a name form a pool, in the order added.
         *
         * @param backend the entry, usually from {@link BackendConfig#newBuilder(String)}
         * @return this builder
         */
        public Builder backend(BackendConfig backend) {
            tree.backend(Objects.requireNonNull(backend, "backend"));
            return this;
        }

        /**
         * Sets the backend for a routing tier ({@code simple}, {@code medium}, {@code complex}) of {@code "auto"}.
         *
         * @param tier the tier
         * @param backend the backend name
         * @return this builder
         */
        public Builder route(String tier, String backend) {
            once("routing." + tier);
            tree.route(Objects.requireNonNull(tier, "tier"), Objects.requireNonNull(backend, "backend"));
            return this;
        }

        /**
         * Sets the retry settings; {@link Retry#DEFAULT} by default.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder retry(Retry value) {
            once("retry");
            tree.retry(Objects.requireNonNull(value, "retry"));
            return this;
        }

        /**
         * Sets the circuit breaker settings; {@link CircuitBreaker#DEFAULT} by default.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder circuitBreaker(CircuitBreaker value) {
            once("circuitBreaker");
            tree.circuitBreaker(Objects.requireNonNull(value, "circuitBreaker"));
            return this;
        }

        /**
         * Sets the bounds for strings and arrays sent to providers; {@link Limits#DEFAULT} by default.
         *
         * @param value the bounds
         * @return this builder
         */
        public Builder limits(Limits value) {
            once("limits");
            tree.limits(Objects.requireNonNull(value, "limits"));
            return this;
        }

        /**
         * Sets the {@code cassettes} section: directory, maximum age, redaction patterns and ignored request parts.
         *
         * @param value the section
         * @return this builder
         */
        public Builder cassettes(CassettesSection value) {
            once("cassettes");
            tree.cassettes(Objects.requireNonNull(value, "cassettes"));
            return this;
        }

        /**
         * Builds the checked configuration.
         *
         * @return the configuration
         * @throws ConfigException naming the key and the bad value
         */
        public LlmockConfig build() {
            return tree.read(SOURCE);
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set on this builder; set each option once.");
            }
        }
    }
}

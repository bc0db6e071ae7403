package dev.llmock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.Json;
import dev.llmock.internal.RedactedUrls;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One backend entry of {@code llmock.json}, or of {@link LlmockConfig#newBuilder()} through {@link #newBuilder}.
 * Backends that share a {@code name} form a pool. {@link #toString()} never shows the API key.
 *
 * <p>{@code baseUrl}, {@code model} and {@code apiKey} are held as written: {@code ${VAR}} and {@code ${VAR:-default}}
 * placeholders in them are resolved (system property {@code VAR}, else environment variable {@code VAR}, else the
 * default) when the engine first uses the backend live, and a {@code BackendFactory} receives the
 * resolved entry. Replaying from a cassette creates no backend, so it needs no variable.
 *
 * @param name                  the name tests use ({@code backend = "fast"})
 * @param provider              {@code openai}, {@code ollama}, {@code anthropic} or {@code synthetic}
 *                              ({@code lmstudio} is read as {@code openai})
 * @param baseUrl               the provider's base URL; defaults per provider
 * @param model                 the model name sent to the provider
 * @param apiKey                the key, or null; never written anywhere
 * @param maxTokens             the output token budget per call, or null for the provider's default
 * @param enabled               a disabled backend is skipped (and its placeholders are never resolved)
 * @param weight                share of a pool's calls, at least 1
 * @param maxConcurrentRequests calls in flight at once, or null for no limit
 * @param fallback              the name of the backend to try when this one is exhausted, or null
 * @param costPer1kInputTokens  for the stats' cost estimate, or null
 * @param costPer1kOutputTokens for the stats' cost estimate, or null
 * @param timeoutSeconds        per-call timeout, or null for the top-level {@code timeoutSeconds}
 * @param options               provider-specific keys (those its {@code BackendFactory.optionKeys()} declares) with
 *                              their values as written, {@code ${VAR}} in strings resolved; read them with the typed
 *                              getters such as {@link #intOption}
 * @since 0.1.0
 */
public record BackendConfig(String name, String provider, String baseUrl, String model, String apiKey,
                            Integer maxTokens, boolean enabled, int weight, Integer maxConcurrentRequests,
                            String fallback, Double costPer1kInputTokens, Double costPer1kOutputTokens,
                            Integer timeoutSeconds, Map<String, JsonNode> options) {

    /**
     * Copies {@code options} without its null values, so the entry stays immutable.
     *
     * @param name the name tests use ({@code backend = "fast"})
     * @param provider {@code openai}, {@code ollama}, {@code anthropic} or {@code synthetic}
     *     ({@code lmstudio} is read as {@code openai})
     * @param baseUrl the provider's base URL; defaults per provider
     * @param model the model name sent to the provider
     * @param apiKey the key, or null; never written anywhere
     * @param maxTokens the output token budget per call, or null for the provider's default
     * @param enabled a disabled backend is skipped (and its placeholders are never resolved)
     * @param weight share of a pool's calls, at least 1
     * @param maxConcurrentRequests calls in flight at once, or null for no limit
     * @param fallback the name of the backend to try when this one is exhausted, or null
     * @param costPer1kInputTokens for the stats' cost estimate, or null
     * @param costPer1kOutputTokens for the stats' cost estimate, or null
     * @param timeoutSeconds per-call timeout, or null for the top-level {@code timeoutSeconds}
     * @param options provider-specific keys (those its {@code BackendFactory.optionKeys()} declares) with
     *     their values as written, {@code ${VAR}} in strings resolved; read them with the typed
     *     getters such as {@link #intOption}
     */
    public BackendConfig {
        Map<String, JsonNode> copy = new TreeMap<>();
        if (options != null) {
            options.forEach((key, value) -> {
                if (value != null) {
                    copy.put(key, value.deepCopy());
                }
            });
        }
        options = Collections.unmodifiableMap(copy);
    }

    /**
     * A backend with no provider-specific options.
     *
     * @param name the name tests use
     * @param provider the provider
     * @param baseUrl the provider's base URL, or null for the provider's default
     * @param model the model name sent to the provider
     * @param apiKey the key, or null
     * @param maxTokens the output token budget per call, or null for the provider's default
     * @param enabled whether the backend is used
     * @param weight share of a pool's calls, at least 1
     * @param maxConcurrentRequests calls in flight at once, or null for no limit
     * @param fallback the name of the backend to try when this one is exhausted, or null
     * @param costPer1kInputTokens for the stats' cost estimate, or null
     * @param costPer1kOutputTokens for the stats' cost estimate, or null
     * @param timeoutSeconds per-call timeout, or null for the top-level {@code timeoutSeconds}
     */
    public BackendConfig(String name, String provider, String baseUrl, String model, String apiKey,
                         Integer maxTokens, boolean enabled, int weight, Integer maxConcurrentRequests,
                         String fallback, Double costPer1kInputTokens, Double costPer1kOutputTokens,
                         Integer timeoutSeconds) {
        this(name, provider, baseUrl, model, apiKey, maxTokens, enabled, weight, maxConcurrentRequests, fallback,
                costPer1kInputTokens, costPer1kOutputTokens, timeoutSeconds, Map.of());
    }

    /**
     * An enabled synthetic backend under {@code name}, as used when no configuration exists.
     *
     * @param name the backend name
     * @return the synthetic backend entry
     */
    public static BackendConfig synthetic(String name) {
        return new BackendConfig(name, "synthetic", null, "datafaker", null, null, true, 1, null, null, null, null,
                null);
    }

    /**
     * A provider-specific option as written, or empty when the entry does not have it.
     *
     * @param key the option's key
     * @return a copy of the value, or empty
     * @since 0.2.0
     */
    public Optional<JsonNode> option(String key) {
        JsonNode value = options.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.deepCopy());
    }

    /**
     * A provider-specific option that must be a string.
     *
     * @param key the option's key
     * @return the string, or empty when the entry does not have the option
     * @throws ConfigException naming the backend, the key and the value when it is not a string
     * @since 0.2.0
     */
    public Optional<String> textOption(String key) {
        return option(key).map(value -> {
            if (!value.isTextual()) {
                throw wrongOption(key, value, "a string");
            }
            return value.asText();
        });
    }

    /**
     * A provider-specific option that must be a whole number.
     *
     * @param key the option's key
     * @return the number, or empty when the entry does not have the option
     * @throws ConfigException naming the backend, the key and the value when it is not a whole number
     * @since 0.2.0
     */
    public Optional<Integer> intOption(String key) {
        return option(key).map(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw wrongOption(key, value, "a whole number");
            }
            return value.asInt();
        });
    }

    /**
     * A provider-specific option that must be {@code true} or {@code false}.
     *
     * @param key the option's key
     * @return the boolean, or empty when the entry does not have the option
     * @throws ConfigException naming the backend, the key and the value when it is not a boolean
     * @since 0.2.0
     */
    public Optional<Boolean> booleanOption(String key) {
        return option(key).map(value -> {
            if (!value.isBoolean()) {
                throw wrongOption(key, value, "true or false");
            }
            return value.asBoolean();
        });
    }

    private ConfigException wrongOption(String key, JsonNode value, String expected) {
        return new ConfigException("Backend \"" + name + "\" (" + provider + "): \"" + key + "\" is " + value
                + "; expected " + expected + ".");
    }

    /**
     * A backend entry in code, for {@link LlmockConfig.Builder#backend}; checked with the rest when that configuration
     * is built.
     *
     * <pre>{@code
     * BackendConfig.newBuilder("local").provider("ollama").baseUrl(ollama.getEndpoint()).model("llama3.2").build()
     * }</pre>
     *
     * @param name the name tests use ({@code backend = "local"}); entries with the same name form a pool
     * @return a new builder
     * @since 0.2.0
     */
    public static Builder newBuilder(String name) {
        return new Builder(name);
    }

    @Override
    public String toString() {
        return "BackendConfig[name=" + name + ", provider=" + provider + ", baseUrl=" + RedactedUrls.of(baseUrl)
                + ", model=" + model
                + ", apiKey=" + (apiKey == null ? "none" : "<redacted>") + ", maxTokens=" + maxTokens
                + ", enabled=" + enabled + ", weight=" + weight
                + (options.isEmpty() ? "" : ", options=" + options.keySet()) + "]";
    }

    /**
     * The keys of one backend entry, each once; {@link LlmockConfig.Builder#build()} checks them as it checks a file.
     *
     * @since 0.2.0
     */
    public static final class Builder {
        private final String name;
        private final Set<String> set = new HashSet<>();
        private String provider;
        private String baseUrl;
        private String model;
        private String apiKey;
        private Integer maxTokens;
        private boolean enabled = true;
        private int weight = 1;
        private Integer maxConcurrentRequests;
        private String fallback;
        private Double costPer1kInputTokens;
        private Double costPer1kOutputTokens;
        private Integer timeoutSeconds;
        private final Map<String, JsonNode> options = new TreeMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Sets the provider: {@code openai}, {@code ollama}, {@code anthropic}, {@code synthetic} ({@code lmstudio} is
         * read as
         * {@code openai}), or one a {@code BackendFactory} adds.
         *
         * @param value the provider
         * @return this builder
         */
        public Builder provider(String value) {
            once("provider");
            this.provider = value;
            return this;
        }

        /**
         * The provider's base URL; by default the provider's own.
         *
         * @param value the URL, {@code ${VAR}} placeholders allowed
         * @return this builder
         */
        public Builder baseUrl(String value) {
            once("baseUrl");
            this.baseUrl = value;
            return this;
        }

        /**
         * Sets the model name sent to the provider.
         *
         * @param value the model, {@code ${VAR}} placeholders allowed
         * @return this builder
         */
        public Builder model(String value) {
            once("model");
            this.model = value;
            return this;
        }

        /**
         * The key, e.g. {@code System.getenv("OPENAI_API_KEY")}; sent only in the request header.
         *
         * @param value the key, {@code ${VAR}} placeholders allowed
         * @return this builder
         */
        public Builder apiKey(String value) {
            once("apiKey");
            this.apiKey = value;
            return this;
        }

        /**
         * Sets the output token budget per call; by default the provider's own.
         *
         * @param value the budget
         * @return this builder
         */
        public Builder maxTokens(int value) {
            once("maxTokens");
            this.maxTokens = value;
            return this;
        }

        /**
         * Sets whether the backend is used ({@code true} by default); a disabled backend's placeholders are never
         * resolved.
         *
         * @param value false to skip the backend
         * @return this builder
         */
        public Builder enabled(boolean value) {
            once("enabled");
            this.enabled = value;
            return this;
        }

        /**
         * Sets this entry's share of its pool's calls (1 by default).
         *
         * @param value the weight, at least 1
         * @return this builder
         */
        public Builder weight(int value) {
            once("weight");
            this.weight = value;
            return this;
        }

        /**
         * Sets how many calls may be in flight at once; no limit by default.
         *
         * @param value the limit
         * @return this builder
         */
        public Builder maxConcurrentRequests(int value) {
            once("maxConcurrentRequests");
            this.maxConcurrentRequests = value;
            return this;
        }

        /**
         * Sets the backend to try when this one is exhausted (retries used up or circuit open).
         *
         * @param value the fallback backend's name
         * @return this builder
         */
        public Builder fallback(String value) {
            once("fallback");
            this.fallback = value;
            return this;
        }

        /**
         * Sets the price of 1,000 input tokens, for the stats' cost estimate.
         *
         * @param value the price
         * @return this builder
         */
        public Builder costPer1kInputTokens(double value) {
            once("costPer1kInputTokens");
            this.costPer1kInputTokens = value;
            return this;
        }

        /**
         * Sets the price of 1,000 output tokens, for the stats' cost estimate.
         *
         * @param value the price
         * @return this builder
         */
        public Builder costPer1kOutputTokens(double value) {
            once("costPer1kOutputTokens");
            this.costPer1kOutputTokens = value;
            return this;
        }

        /**
         * Sets the per-call timeout; by default the configuration's top-level {@code timeoutSeconds}.
         *
         * @param value the timeout in seconds
         * @return this builder
         */
        public Builder timeoutSeconds(int value) {
            once("timeoutSeconds");
            this.timeoutSeconds = value;
            return this;
        }

        /**
         * A provider-specific key, such as {@code llamacpp}'s {@code contextSize}; the provider's factory declares
         * which keys it takes, and {@link LlmockConfig.Builder#build()} checks them as it checks a file.
         *
         * @param key the option's key
         * @param value the value, converted to JSON as Jackson converts it
         * @return this builder
         */
        public Builder option(String key, Object value) {
            Objects.requireNonNull(key, "key");
            once("option " + key);
            options.put(key, Json.MAPPER.valueToTree(value));
            return this;
        }

        /**
         * The entry as given, not yet checked: {@link LlmockConfig.Builder#build()} checks it.
         *
         * @return the entry
         */
        public BackendConfig build() {
            return new BackendConfig(name, provider, baseUrl, model, apiKey, maxTokens, enabled, weight,
                    maxConcurrentRequests, fallback, costPer1kInputTokens, costPer1kOutputTokens, timeoutSeconds,
                    options);
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set on this builder; set each option once.");
            }
        }
    }
}

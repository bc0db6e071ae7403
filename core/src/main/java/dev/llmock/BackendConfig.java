package dev.llmock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One backend entry of {@code llmock.json}. Backends that share a {@code name} form a pool.
 * {@link #toString()} never shows the API key.
 *
 * @param name                  the name tests use ({@code backend = "fast"})
 * @param provider              {@code openai}, {@code ollama}, {@code anthropic} or {@code synthetic}
 *                              ({@code lmstudio} is read as {@code openai})
 * @param baseUrl               the provider's base URL; defaults per provider
 * @param model                 the model name sent to the provider
 * @param apiKey                the resolved key, or null; never written anywhere
 * @param maxTokens             the output token budget per call, or null for the provider's default
 * @param enabled               a disabled backend is skipped and its {@code ${VAR}} references are not resolved
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

    /** A backend with no provider-specific options. */
    public BackendConfig(String name, String provider, String baseUrl, String model, String apiKey,
                         Integer maxTokens, boolean enabled, int weight, Integer maxConcurrentRequests,
                         String fallback, Double costPer1kInputTokens, Double costPer1kOutputTokens,
                         Integer timeoutSeconds) {
        this(name, provider, baseUrl, model, apiKey, maxTokens, enabled, weight, maxConcurrentRequests, fallback,
                costPer1kInputTokens, costPer1kOutputTokens, timeoutSeconds, Map.of());
    }

    /** An enabled synthetic backend under {@code name}, as used when no configuration exists. */
    public static BackendConfig synthetic(String name) {
        return new BackendConfig(name, "synthetic", null, "datafaker", null, null, true, 1, null, null, null, null,
                null);
    }

    /**
     * A provider-specific option as written, or empty when the entry does not have it.
     *
     * @since 0.1.0
     */
    public Optional<JsonNode> option(String key) {
        JsonNode value = options.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.deepCopy());
    }

    /**
     * A provider-specific option that must be a string.
     *
     * @throws ConfigException naming the backend, the key and the value when it is not a string
     * @since 0.1.0
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
     * @throws ConfigException naming the backend, the key and the value when it is not a whole number
     * @since 0.1.0
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
     * @throws ConfigException naming the backend, the key and the value when it is not a boolean
     * @since 0.1.0
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

    @Override
    public String toString() {
        return "BackendConfig[name=" + name + ", provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (apiKey == null ? "none" : "<redacted>") + ", maxTokens=" + maxTokens
                + ", enabled=" + enabled + ", weight=" + weight
                + (options.isEmpty() ? "" : ", options=" + options.keySet()) + "]";
    }
}

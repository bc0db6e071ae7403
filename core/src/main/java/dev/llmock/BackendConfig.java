package dev.llmock;

/**
 * One backend entry of {@code llmock.json}. Backends that share a {@code name} form a pool.
 * {@link #toString()} never shows the API key.
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
 * @since 0.1.0
 */
public record BackendConfig(String name, String provider, String baseUrl, String model, String apiKey,
                            Integer maxTokens, boolean enabled, int weight, Integer maxConcurrentRequests,
                            String fallback, Double costPer1kInputTokens, Double costPer1kOutputTokens,
                            Integer timeoutSeconds) {

    /** An enabled synthetic backend under {@code name}, as used when no configuration exists. */
    public static BackendConfig synthetic(String name) {
        return new BackendConfig(name, "synthetic", null, "datafaker", null, null, true, 1, null, null, null, null,
                null);
    }

    @Override
    public String toString() {
        return "BackendConfig[name=" + name + ", provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (apiKey == null ? "none" : "<redacted>") + ", maxTokens=" + maxTokens
                + ", enabled=" + enabled + ", weight=" + weight + "]";
    }
}

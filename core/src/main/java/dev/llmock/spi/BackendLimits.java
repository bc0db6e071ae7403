package dev.llmock.spi;

import dev.llmock.BackendConfig;

/**
 * What a backend can take per call; the engine sizes its batches and how many run at once from it.
 *
 * <pre>{@code
 * @Override
 * public BackendLimits limits() {
 *     return new BackendLimits(2048, 2, null);   // 2048 output tokens, 2 calls at once, batches sized by tokens
 * }
 * }</pre>
 *
 * @param maxTokens             the output token budget of one call, or null when unknown (the engine plans with 4096)
 * @param maxConcurrentRequests calls it takes at once, or null for the engine's default (4)
 * @param recordsPerCall        records it prefers in one call (a generator in code wants large batches), or null to
 *                              size batches by {@code maxTokens} and the estimated tokens per record (network models)
 * @since 0.2.0
 */
public record BackendLimits(Integer maxTokens, Integer maxConcurrentRequests, Integer recordsPerCall) {
    /** Nothing known: batches sized by the default token budget, the default concurrency. */
    public static final BackendLimits UNKNOWN = new BackendLimits(null, null, null);

    /**
     * Checks the limits.
     *
     * @param maxTokens the output token budget of one call, or null when unknown (the engine plans with 4096)
     * @param maxConcurrentRequests calls it takes at once, or null for the engine's default (4)
     * @param recordsPerCall records it prefers in one call (a generator in code wants large batches), or null to
     *     size batches by {@code maxTokens} and the estimated tokens per record (network models)
     * @throws IllegalArgumentException when a limit is below 1
     */
    public BackendLimits {
        positive("maxTokens", maxTokens);
        positive("maxConcurrentRequests", maxConcurrentRequests);
        positive("recordsPerCall", recordsPerCall);
    }

    /**
     * The limits a configured backend states: its {@code maxTokens} and {@code maxConcurrentRequests}.
     *
     * @param config the backend's entry
     * @return the limits; {@code recordsPerCall} unknown
     */
    public static BackendLimits of(BackendConfig config) {
        return new BackendLimits(config.maxTokens(), config.maxConcurrentRequests(), null);
    }

    private static void positive(String name, Integer value) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, but was " + value + ".");
        }
    }
}

package dev.llmock;

import java.time.Duration;

/**
 * What one backend did in this JVM so far.
 *
 * @param backend          the backend name
 * @param provider         its provider
 * @param calls            calls made (each attempt counts once)
 * @param successes        calls that returned usable output
 * @param failures         calls that failed
 * @param retries          calls that were retries of an earlier failed call
 * @param p50              median latency
 * @param p95              95th percentile latency
 * @param promptTokens     prompt tokens reported by the provider
 * @param completionTokens completion tokens reported by the provider
 * @param estimatedCost    from {@code costPer1kInputTokens}/{@code costPer1kOutputTokens}, or null when not configured
 * @since 0.1.0
 */
public record BackendStats(String backend, String provider, long calls, long successes, long failures, long retries,
                           Duration p50, Duration p95, long promptTokens, long completionTokens, Double estimatedCost) {

    /** {@return share of calls that succeeded, from 0 to 1 (1 when there were no calls)} */
    public double successRate() {
        return calls == 0 ? 1.0 : (double) successes / calls;
    }
}

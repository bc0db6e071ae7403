package dev.llmock.internal.engine;

import dev.llmock.BackendConfig;
import dev.llmock.BackendStats;
import dev.llmock.LlmockStats;
import dev.llmock.spi.CallCost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Counts calls, outcomes, latencies and tokens per backend name, booking each call's {@link CallCost} under the
 * backend that made it; thread-safe. Every attempt counts as a call; an attempt that failed and was tried again
 * counts as a failure and a retry.
 */
final class StatsRecorder {
    private static final int LATENCY_WINDOW = 10_000;
    private final Map<String, Counter> counters = new ConcurrentSkipListMap<>();
    private final Map<String, BackendConfig> costs = new ConcurrentHashMap<>();

    /** Remembers the prices of a backend so the snapshot can estimate cost. */
    void register(String name, BackendConfig config) {
        if (config != null && (config.costPer1kInputTokens() != null || config.costPer1kOutputTokens() != null)) {
            costs.putIfAbsent(name, config);
        }
    }

    /** A call that answered: {@code usable} when its output passed the checks. */
    void answered(CallCost cost, boolean usable, Duration latency) {
        int succeeded = usable ? 1 : 0;
        counter(cost).book(cost, Math.max(1, cost.attempts()) - succeeded, succeeded, cost.retries(), latency);
    }

    /** A call whose failure ended the engine's attempt (no other backend or call followed it). */
    void failed(CallCost cost, Duration latency) {
        counter(cost).book(cost, Math.max(1, cost.attempts()), 0, cost.retries(), latency);
    }

    /** A call that failed and was followed by another try (a pool's next member, a truncated answer asked again). */
    void superseded(CallCost cost) {
        counter(cost).book(cost, cost.attempts(), 0, cost.attempts(), null);
    }

    private Counter counter(CallCost cost) {
        return counters.computeIfAbsent(cost.backend(), name -> new Counter(cost.provider()));
    }

    LlmockStats snapshot() {
        List<BackendStats> rows = new ArrayList<>();
        counters.forEach((name, counter) -> rows.add(counter.snapshot(name, costs.get(name))));
        return new LlmockStats(rows);
    }

    private static final class Counter {
        private final String provider;
        private long calls;
        private long successes;
        private long failures;
        private long retries;
        private long promptTokens;
        private long completionTokens;
        private final long[] latencies = new long[LATENCY_WINDOW];
        private int recorded;

        Counter(String provider) {
            this.provider = provider;
        }

        /** {@code failed} failed attempts and {@code succeeded} usable answers; latency null when not sampled. */
        synchronized void book(CallCost cost, int failed, int succeeded, int retried, Duration latency) {
            calls += failed + succeeded;
            failures += failed;
            successes += succeeded;
            retries += retried;
            promptTokens += cost.promptTokens() == null ? 0 : cost.promptTokens();
            completionTokens += cost.completionTokens() == null ? 0 : cost.completionTokens();
            if (latency != null) {
                latencies[recorded % LATENCY_WINDOW] = latency.toNanos();
                recorded++;
            }
        }

        synchronized BackendStats snapshot(String name, BackendConfig prices) {
            long[] window = Arrays.copyOf(latencies, Math.min(recorded, LATENCY_WINDOW));
            Arrays.sort(window);
            Double cost = null;
            if (prices != null) {
                double in = prices.costPer1kInputTokens() == null ? 0 : prices.costPer1kInputTokens();
                double out = prices.costPer1kOutputTokens() == null ? 0 : prices.costPer1kOutputTokens();
                cost = promptTokens / 1000.0 * in + completionTokens / 1000.0 * out;
            }
            return new BackendStats(name, provider, calls, successes, failures, retries, percentile(window, 0.50),
                    percentile(window, 0.95), promptTokens, completionTokens, cost);
        }

        private static Duration percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Duration.ZERO;
            }
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return Duration.ofNanos(sorted[Math.max(0, Math.min(index, sorted.length - 1))]);
        }
    }
}

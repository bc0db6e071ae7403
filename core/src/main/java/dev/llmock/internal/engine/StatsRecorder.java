package dev.llmock.internal.engine;

import dev.llmock.BackendConfig;
import dev.llmock.BackendStats;
import dev.llmock.LlmockStats;
import dev.llmock.internal.backend.RetryLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Counts calls, outcomes, latencies and tokens per backend name; thread-safe. */
public final class StatsRecorder {
    private static final int LATENCY_WINDOW = 10_000;
    private final Map<String, Counter> counters = new ConcurrentSkipListMap<>();
    private final Map<String, BackendConfig> costs = new ConcurrentHashMap<>();

    /** Remembers the prices of a backend so the snapshot can estimate cost. */
    public void register(String name, BackendConfig config) {
        if (config != null && (config.costPer1kInputTokens() != null || config.costPer1kOutputTokens() != null)) {
            costs.putIfAbsent(name, config);
        }
    }

    public void success(String backend, String provider, Duration latency, Long promptTokens, Long completionTokens) {
        collectRetries();
        counter(backend, provider).record(true, latency, promptTokens, completionTokens);
    }

    public void failure(String backend, String provider, Duration latency) {
        collectRetries();
        counter(backend, provider).record(false, latency, null, null);
    }

    /** A failed attempt that was tried again: it counts as a call, a failure and a retry. */
    public void retry(String backend, String provider) {
        counter(backend, provider).retry();
    }

    /** Takes the retries the backends noted on this thread while making the call whose outcome is being recorded. */
    private void collectRetries() {
        for (RetryLedger.Entry entry : RetryLedger.drain()) {
            for (int i = 0; i < entry.retries(); i++) {
                retry(entry.backend(), entry.provider());
            }
        }
    }

    private Counter counter(String backend, String provider) {
        return counters.computeIfAbsent(backend, name -> new Counter(provider));
    }

    public LlmockStats snapshot() {
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

        synchronized void record(boolean ok, Duration latency, Long prompt, Long completion) {
            calls++;
            if (ok) {
                successes++;
            } else {
                failures++;
            }
            promptTokens += prompt == null ? 0 : prompt;
            completionTokens += completion == null ? 0 : completion;
            latencies[recorded % LATENCY_WINDOW] = latency.toNanos();
            recorded++;
        }

        synchronized void retry() {
            calls++;
            failures++;
            retries++;
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

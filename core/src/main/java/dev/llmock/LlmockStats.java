package dev.llmock;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An immutable snapshot of per-backend statistics, with the "Backend Performance Report" table.
 *
 * @param backends one entry per backend that was called, in the order first called
 * @since 0.1.0
 */
public record LlmockStats(List<BackendStats> backends) {

    /**
     * Copies the list, so the snapshot stays immutable.
     *
     * @param backends one entry per backend that was called, in the order first called
     */
    public LlmockStats {
        backends = List.copyOf(backends);
    }

    /**
     * {@return the statistics of one backend, or empty when it was not called}
     *
     * @param name the backend name
     */
    public Optional<BackendStats> backend(String name) {
        return backends.stream().filter(b -> b.backend().equals(name)).findFirst();
    }

    /** {@return the table, one row per backend; "no backend calls" when there were none} */
    public String report() {
        if (backends.isEmpty()) {
            return "Backend Performance Report: no backend calls";
        }
        StringBuilder table = new StringBuilder("Backend Performance Report\n");
        String format = "%-16s %-10s %6s %8s %8s %8s %8s %8s %10s %10s %10s%n";
        table.append(String.format(Locale.ROOT, format, "backend", "provider", "calls", "success", "failures",
                "retries", "p50 ms", "p95 ms", "tok in", "tok out", "cost"));
        for (BackendStats b : backends) {
            table.append(String.format(Locale.ROOT, format, b.backend(), b.provider(), b.calls(),
                    String.format(Locale.ROOT, "%.1f%%", b.successRate() * 100), b.failures(), b.retries(),
                    b.p50().toMillis(), b.p95().toMillis(), b.promptTokens(), b.completionTokens(),
                    b.estimatedCost() == null ? "-" : String.format(Locale.ROOT, "$%.4f", b.estimatedCost())));
        }
        return table.toString().stripTrailing();
    }
}

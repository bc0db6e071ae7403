package dev.llmock.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.BackendStats;
import dev.llmock.LlmockStats;
import dev.llmock.Provenance;
import dev.llmock.cassette.CassetteReport;
import dev.llmock.cassette.RecordMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What llmock did in this test run, collected from every test class and printed once by
 * {@link dev.llmock.junit.LlmockSummaryListener} when the run ends. JVM-wide because the listener and the
 * extension are separate objects that JUnit creates on its own.
 */
public final class RunSummary {
    public static final RunSummary INSTANCE = new RunSummary();

    private int replayed;
    private int recorded;
    private int live;
    private int cached;
    private int cassettesWritten;
    private int uncheckedFixtures;
    private final Set<String> uncheckedRules = new TreeSet<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, BackendStats> backends = new TreeMap<>();

    private RunSummary() {
    }

    synchronized void fixture(Provenance provenance, RecordMode mode) {
        Provenance.Source source = provenance.source();
        JsonNode unchecked = provenance.details().path("unchecked").path("rules");
        if (!unchecked.isEmpty()) {
            uncheckedFixtures++;
            unchecked.forEach(rule -> uncheckedRules.add(rule.asText()));
        }
        if (source == Provenance.Source.REPLAYED) {
            replayed++;
        } else if (source == Provenance.Source.CACHED) {
            cached++;
        } else if (mode == RecordMode.LIVE) {
            live++;
        } else {
            recorded++;
        }
    }

    synchronized void cassette(CassetteReport report, boolean written, LlmockStats stats) {
        if (written) {
            cassettesWritten++;
        }
        if (!report.isQuiet()) {
            notes.add(report.render());
        }
        for (BackendStats row : stats.backends()) {
            backends.merge(row.backend(), row, RunSummary::add);
        }
    }

    private static BackendStats add(BackendStats a, BackendStats b) {
        Double cost = a.estimatedCost() == null && b.estimatedCost() == null ? null
                : (a.estimatedCost() == null ? 0 : a.estimatedCost()) + (b.estimatedCost() == null ? 0 : b.estimatedCost());
        return new BackendStats(a.backend(), a.provider(), a.calls() + b.calls(), a.successes() + b.successes(),
                a.failures() + b.failures(), a.retries() + b.retries(), max(a.p50(), b.p50()), max(a.p95(), b.p95()),
                a.promptTokens() + b.promptTokens(), a.completionTokens() + b.completionTokens(), cost);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The summary so far, then forgets it; empty when llmock served nothing in this run. */
    public synchronized String drain() {
        int total = replayed + recorded + live + cached;
        if (total == 0 && notes.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("llmock: ").append(replayed).append(" fixtures replayed, ")
                .append(recorded).append(" recorded, ").append(live).append(" generated live");
        if (cached > 0) {
            text.append(", ").append(cached).append(" from the in-JVM cache");
        }
        text.append("; ").append(cassettesWritten).append(cassettesWritten == 1 ? " cassette" : " cassettes")
                .append(" written.");
        if (uncheckedFixtures > 0) {
            text.append('\n').append(Messages.uncheckedRules(uncheckedFixtures, uncheckedRules));
        }
        notes.forEach(note -> text.append('\n').append(note));
        boolean anyCalls = backends.values().stream().anyMatch(b -> b.calls() > 0);
        if (anyCalls) {
            text.append('\n').append(new LlmockStats(new ArrayList<>(backends.values())).report());
        }
        replayed = 0;
        recorded = 0;
        live = 0;
        cached = 0;
        cassettesWritten = 0;
        uncheckedFixtures = 0;
        uncheckedRules.clear();
        notes.clear();
        backends.clear();
        return text.toString();
    }
}

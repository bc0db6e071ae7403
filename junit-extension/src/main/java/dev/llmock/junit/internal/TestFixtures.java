package dev.llmock.junit.internal;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixtures one test (or one class context, for constructor and static-field injection) received: for
 * automatic variants and for the provenance shown when the test fails.
 */
final class TestFixtures {
    private final Map<String, Integer> seen = new HashMap<>();
    private final List<String> lines = new ArrayList<>();

    static TestFixtures of(ExtensionContext context) {
        return context.getStore(LlmockStore.NAMESPACE)
                .getOrComputeIfAbsent(TestFixtures.class, key -> new TestFixtures(), TestFixtures.class);
    }

    /** The first identical request in a test gets variant 0, the next 1, and so on: same order, same data. */
    synchronized int nextVariant(FixtureRequest request) {
        return seen.merge(request.key().hash(), 1, Integer::sum) - 1;
    }

    synchronized void add(String target, FixtureRequest request, Fixture fixture, Path cassette) {
        var provenance = fixture.provenance();
        lines.add(target + ": " + provenance.source().name().toLowerCase(java.util.Locale.ROOT)
                + (cassette == null ? "" : " via cassette " + cassette) + ", entry " + request.key().shortHash()
                + ", backend " + provenance.backend() + " (" + provenance.provider()
                + (provenance.model() == null ? "" : ", model " + provenance.model()) + "), variant "
                + request.variant());
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}

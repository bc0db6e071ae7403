package dev.llmock.junit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixtures one test (or one class context, for constructor and static-field injection) received: for automatic
 * variants, for the provenance shown when the test fails, and for what it recorded. Kept in the context's store; when
 * JUnit closes it, a failed test's recordings go back to the cassette as failed (restored in {@code rerecord}, kept in
 * {@code record}), decided then from {@link ExtensionContext#getExecutionException()}, as JUnit's {@code TempDirectory}
 * decides what to clean up.
 */
final class TestFixtures implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final ExtensionContext context;
    private final ClassFixtures classFixtures;
    private final Map<String, Integer> seen = new HashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final Set<String> recorded = new LinkedHashSet<>();

    private TestFixtures(ExtensionContext context, ClassFixtures classFixtures) {
        this.context = context;
        this.classFixtures = classFixtures;
    }

    static TestFixtures of(ExtensionContext context) {
        // the class's fixtures first: JUnit closes a store's resources last-in first-out, and a failed test's
        // recordings must be settled before the class saves its cassette
        ClassFixtures classFixtures = ClassFixtures.of(context);
        return context.getStore(LlmockStore.NAMESPACE).getOrComputeIfAbsent(TestFixtures.class,
                key -> new TestFixtures(context, classFixtures), TestFixtures.class);
    }

    /** The fixtures this context received so far, or null when it received none. */
    static TestFixtures find(ExtensionContext context) {
        return context.getStore(LlmockStore.NAMESPACE).get(TestFixtures.class, TestFixtures.class);
    }

    /** The first identical request in a test gets variant 0, the next 1, and so on: same order, same data. */
    synchronized int nextVariant(FixtureRequest request) {
        return seen.merge(request.key().hash(), 1, Integer::sum) - 1;
    }

    /** Generates {@code request} through the class's cassette and engine, remembering what this test received. */
    Fixture generate(String target, FixtureRequest request) {
        Fixture fixture = classFixtures.generate(request);
        add(target, request, fixture, classFixtures.cassettePath());
        return fixture;
    }

    /** The user's mapper for fixtures, or null for llmock's default. */
    ObjectMapper objectMapper() {
        return classFixtures.objectMapper();
    }

    private synchronized void add(String target, FixtureRequest request, Fixture fixture, Path cassette) {
        Provenance provenance = fixture.provenance();
        if (provenance.source() != Provenance.Source.REPLAYED) {
            recorded.add(request.key().hash());
        }
        lines.add(target + ": " + provenance.source().name().toLowerCase(Locale.ROOT)
                + (cassette == null ? "" : " via cassette " + cassette) + ", entry " + request.key().shortHash()
                + ", backend " + provenance.backend() + " (" + provenance.provider()
                + (provenance.model() == null ? "" : ", model " + provenance.model()) + "), variant "
                + request.variant());
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        Set<String> keys;
        synchronized (this) {
            keys = Set.copyOf(recorded);
        }
        if (!keys.isEmpty() && context.getExecutionException().isPresent()) {
            classFixtures.testFailed(keys);
        }
    }
}

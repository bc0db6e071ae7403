package dev.llmock.wiremock.internal;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Provenance;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests running now against one WireMock server, so that each request is labelled with the test that made it and
 * each test's recordings can be undone when it fails. A request cannot say on its own which test sent it, so its label
 * is, in order: the {@code X-Llmock-Test} header it carries, else the only test running, else none (with two tests
 * running and no header, a request is labelled by no test rather than by the wrong one). Thread-safe.
 */
public final class RunningTests {
    private final Set<RunningTest> running = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<RunningTest> onThisThread = new ThreadLocal<>();

    /** Starts a test on the calling thread (the thread the test method runs on). */
    public RunningTest start(String label) {
        RunningTest test = new RunningTest(label);
        running.add(test);
        onThisThread.set(test);
        return test;
    }

    /** Ends a test: its requests are no longer attributed to it. */
    public void finish(RunningTest test) {
        running.remove(test);
        if (onThisThread.get() == test) {
            onThisThread.remove();
        }
    }

    /** The label of the test running on the calling thread, or null. */
    public String labelOnThisThread() {
        RunningTest test = onThisThread.get();
        return test == null ? null : test.label();
    }

    /**
     * The label for a request.
     *
     * @param header the request's {@code X-Llmock-Test} header, or null
     * @return the header, else the label of the only running test, else null
     */
    public String labelFor(String header) {
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        RunningTest only = null;
        for (RunningTest test : running) {
            if (only != null) {
                return null;
            }
            only = test;
        }
        return only == null ? null : only.label();
    }

    /** Notes a request's recording for the running tests it is labelled with. */
    public void answered(FixtureRequest request, Fixture fixture) {
        if (request.label() == null || fixture.provenance().source() == Provenance.Source.REPLAYED) {
            return;
        }
        for (RunningTest test : running) {
            if (test.label().equals(request.label())) {
                test.recorded(request.key().hash());
            }
        }
    }

    /**
     * One running test: its label and the keys of the entries its requests recorded.
     *
     * @since 0.1.0
     */
    public static final class RunningTest {
        private final String label;
        private final Set<String> recorded = new LinkedHashSet<>();

        private RunningTest(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The keys of the entries recorded for this test's requests so far. */
        public synchronized Set<String> recorded() {
            return Set.copyOf(recorded);
        }

        synchronized void recorded(String key) {
            recorded.add(key);
        }
    }
}

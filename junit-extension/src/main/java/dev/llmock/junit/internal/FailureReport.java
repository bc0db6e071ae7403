package dev.llmock.junit.internal;

import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Adds the provenance of a failed test's fixtures to its report without replacing its exception: as a suppressed
 * exception on the original (shown under its stack trace) and as a report entry.
 */
public final class FailureReport {
    private FailureReport() {
    }

    public static void attach(ExtensionContext context, Throwable failure) {
        TestFixtures fixtures = TestFixtures.find(context);
        List<String> lines = fixtures == null ? List.of() : fixtures.lines();
        if (lines.isEmpty()) {
            return;
        }
        String text = Messages.fixturesOfFailedTest(lines);
        failure.addSuppressed(new FixtureProvenance(text));
        context.publishReportEntry("llmock", text);
    }

    /** Carries the text; no stack trace of its own, since it is not where anything went wrong. */
    static final class FixtureProvenance extends Exception {
        private static final long serialVersionUID = 1L;

        FixtureProvenance(String message) {
            super(message, null, false, false);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}

package dev.llmock.junit;

import dev.llmock.junit.internal.RunSummary;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints what llmock did when a test run ends: fixtures replayed, recorded and generated live, cassettes written,
 * unused entries, and the backend statistics. Registered through the JUnit Platform's service loader.
 *
 * @since 0.1.0
 */
public final class LlmockSummaryListener implements TestExecutionListener {

    /** The listener, as the JUnit Platform's service loader creates it. */
    public LlmockSummaryListener() {
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String summary = RunSummary.INSTANCE.drain();
        if (!summary.isEmpty()) {
            System.out.println(summary);
        }
    }
}

package dev.llmock.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one test class through the JUnit Platform launcher in this (fresh) JVM and prints the milliseconds from the
 * class's start (the launcher's {@code executionStarted} for the class) to its first injected fixture, as
 * {@code firstFixtureMillis=<ms>}. Exits with 1 unless the class's one test passed.
 *
 * <p>Usage: {@code FirstFixtureProbe <test class>}
 */
public final class FirstFixtureProbe {
    private FirstFixtureProbe() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        Class<?> testClass = Class.forName(args[0]);
        ClassStart classStart = new ClassStart();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request().selectors(selectClass(testClass)).build(), classStart, summary);
        TestExecutionSummary result = summary.getSummary();
        if (result.getTestsSucceededCount() != 1 || result.getTotalFailureCount() != 0 || FirstFixture.arrivedAt() == 0) {
            result.getFailures().forEach(failure -> failure.getException().printStackTrace());
            System.err.println(testClass.getName() + ": " + result.getTestsSucceededCount() + " passed, "
                    + result.getTotalFailureCount() + " failed");
            System.exit(1);
        }
        System.out.println("firstFixtureMillis=" + (FirstFixture.arrivedAt() - classStart.at) / 1e6);
    }

    /** Notes when the test class's container starts. */
    private static final class ClassStart implements TestExecutionListener {
        private volatile long at;

        @Override
        public void executionStarted(TestIdentifier identifier) {
            if (at == 0 && identifier.getSource().filter(ClassSource.class::isInstance).isPresent()) {
                at = System.nanoTime();
            }
        }
    }
}

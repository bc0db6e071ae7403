package dev.llmock.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs one test class through the Jupiter engine in a JVM of its own, whose environment the caller chose (a CI
 * server's variables), and prints what happened: {@code tests <succeeded> <failed>}, {@code containers <failed>}, then
 * each failure's own exception class and message.
 *
 * <p>Arguments: the test class, the cassette directory, then configuration parameters as {@code key=value}.
 */
public final class CiRun {
    private CiRun() {
    }

    public static void main(String[] args) throws Exception {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("llmock.cassettes.dir", args[1])
                .selectors(selectClass(Class.forName(args[0])));
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            builder.configurationParameters(Map.of(pair[0], pair[1]));
        }
        EngineExecutionResults results = builder.execute();
        System.out.println("tests " + results.testEvents().succeeded().count() + " "
                + results.testEvents().failed().count());
        System.out.println("containers " + results.containerEvents().failed().count());
        results.allEvents().failed().stream().map(Event::getPayload).forEach(payload -> {
            Throwable thrown = ((TestExecutionResult) payload.orElseThrow()).getThrowable().orElseThrow();
            Throwable own = thrown.getCause() == null ? thrown : thrown.getCause();
            System.out.println(own.getClass().getSimpleName() + ": " + own.getMessage());
        });
    }
}

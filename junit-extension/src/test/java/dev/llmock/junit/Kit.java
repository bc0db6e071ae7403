package dev.llmock.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs small test classes through the real Jupiter engine with llmock settings as configuration parameters. System
 * properties count as configuration parameters, as they do in a real run (the build sets
 * {@code llmock.failOnRecord=false}: these tests record on purpose, on CI too).
 */
public final class Kit {
    private Kit() {
    }

    public static EngineExecutionResults run(Class<?> testClass, Path cassettes, String mode) {
        return run(testClass, cassettes, mode, Map.of());
    }

    public static EngineExecutionResults run(Class<?> testClass, Path cassettes, String mode, Map<String, String> more) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(true)
                .configurationParameter("llmock.cassettes.dir", cassettes.toString())
                .configurationParameter("llmock.mode", mode)
                .configurationParameters(more)
                .selectors(selectClass(testClass));
        return builder.execute();
    }
}

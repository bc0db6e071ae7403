package dev.llmock.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.junit.Generated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class SettingsTest {
    @TempDir
    Path dir;

    static class OneCustomerTestCase {
        @Test
        void customer(@Generated(shape = "{\"name\":\"string\",\"city\":\"string\"}") JsonNode customer) {
        }
    }

    private EngineExecutionResults run(Class<?> testCase, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(true).configurationParameters(parameters)
                .selectors(selectClass(testCase)).execute();
    }

    private Path config(String json) throws Exception {
        return Files.writeString(dir.resolve("llmock.json"), json);
    }

    private static String cassette(Class<?> testCase) {
        return testCase.getName() + ".json";
    }

    @Test
    void theCassetteDirectoryInLlmockJsonIsWhereGeneratedRecords() throws Exception {
        Path fromConfig = dir.resolve("from-config");
        Path llmockJson = config("{\"cassettes\": {\"directory\": \"" + fromConfig + "\"}}");

        EngineExecutionResults results = run(OneCustomerTestCase.class,
                Map.of("llmock.config", llmockJson.toString(), "llmock.mode", "record"));

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(fromConfig.resolve(cassette(OneCustomerTestCase.class))).exists();
    }

    @Test
    void theConfigurationParameterWinsOverLlmockJson() throws Exception {
        Path fromConfig = dir.resolve("from-config");
        Path fromParameter = dir.resolve("from-parameter");
        Path llmockJson = config("{\"cassettes\": {\"directory\": \"" + fromConfig + "\"}}");

        run(OneCustomerTestCase.class, Map.of("llmock.config", llmockJson.toString(), "llmock.mode", "record",
                "llmock.cassettes.dir", fromParameter.toString()));

        assertThat(fromParameter.resolve(cassette(OneCustomerTestCase.class))).exists();
        assertThat(fromConfig).doesNotExist();
    }
}

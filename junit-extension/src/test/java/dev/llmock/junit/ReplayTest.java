package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

class ReplayTest {
    static final List<String> SEEN = new ArrayList<>();
    static final String SHAPE = "{\"name\":\"string\",\"email\":\"email\"}";

    @TempDir
    Path cassettes;

    @TempDir
    Path configDir;

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    static class TwoCustomersTestCase {
        @Test
        void twoCustomers(@Generated(shape = SHAPE, backend = "quality") JsonNode first,
                          @Generated(shape = SHAPE, backend = "quality") JsonNode second) {
            SEEN.add(first.toString());
            SEEN.add(second.toString());
        }
    }

    @Test
    void recordThenReplayGivesTheSameFixturesWithNoBackendReachable() throws Exception {
        Kit.run(TwoCustomersTestCase.class, cassettes, "record").testEvents().assertStatistics(s -> s.succeeded(1));
        List<String> recorded = List.copyOf(SEEN);
        SEEN.clear();
        // In replay the configured backend points at a closed port: any call would fail the test.
        Path config = Files.writeString(configDir.resolve("llmock.json"), "{\"backends\":[{\"name\":\"quality\","
                + "\"provider\":\"openai\",\"baseUrl\":\"http://127.0.0.1:9/v1\",\"model\":\"gpt-4o-mini\"}]}");

        Kit.run(TwoCustomersTestCase.class, cassettes, "replay", Map.of("llmock.config", config.toString()))
                .testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(SEEN).isEqualTo(recorded);
    }

    @Test
    void twoIdenticalRequestsInOneTestGetDifferentVariantsAndTheCassetteHoldsBoth() throws Exception {
        Kit.run(TwoCustomersTestCase.class, cassettes, "record").testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(SEEN.get(0)).isNotEqualTo(SEEN.get(1));
        JsonNode cassette = Json.MAPPER.readTree(cassettes.resolve(TwoCustomersTestCase.class.getName() + ".json")
                .toFile());
        assertThat(cassette.toString()).contains("\"variant\":0").contains("\"variant\":1");
    }

    @Test
    void replayWithoutACassetteFailsTheTestWithTheMissMessage() {
        EngineExecutionResults results = Kit.run(TwoCustomersTestCase.class, cassettes, "replay");

        results.testEvents().assertStatistics(s -> s.failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst()
                .flatMap(Event::getPayload).map(p -> ((org.junit.platform.engine.TestExecutionResult) p)
                        .getThrowable().orElseThrow()).orElseThrow();
        assertThat(failure.getMessage())
                .contains(TwoCustomersTestCase.class.getName() + ".json")
                .contains("TwoCustomersTestCase.twoCustomers(JsonNode, JsonNode) #0")
                .contains("-Dllmock.mode=record");
        assertThat(Files.exists(cassettes.resolve(TwoCustomersTestCase.class.getName() + ".json"))).isFalse();
    }

    @LlmockSettings(mode = "replay")
    static class AnnotatedReplayTestCase {
        @Test
        void customer(@Generated(shape = SHAPE) JsonNode customer) {
            SEEN.add(customer.toString());
        }
    }

    @Test
    void theAnnotationsModeWinsOverTheConfigurationParameter() {
        EngineExecutionResults results = Kit.run(AnnotatedReplayTestCase.class, cassettes, "record");

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(SEEN).isEmpty();
    }
}

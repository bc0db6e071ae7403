package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @TempDir
    Path cassettes;

    static class ManyTestsTestCase {
        @RepeatedTest(24)
        void each(@Generated(shape = "{\"name\":\"string\",\"city\":\"string\"}", prompt = "test {currentRepetition}")
                  JsonNode a, @Generated(count = 2, shape = "{\"sku\":\"string\"}") java.util.List<JsonNode> b,
                  org.junit.jupiter.api.RepetitionInfo repetition) {
            assertThat(a.get("name").asText()).isNotBlank();
            assertThat(b).hasSize(2);
        }
    }

    static class DistinctPromptsTestCase {
        @RepeatedTest(24)
        void each(org.junit.jupiter.api.RepetitionInfo repetition,
                  @Generated(shape = "{\"name\":\"string\"}") JsonNode shared) {
            assertThat(shared.get("name").asText()).isNotBlank();
        }
    }

    @Test
    void parallelTestMethodsShareOneCassetteAndLoseNoEntry() throws Exception {
        Map<String, String> parallel = Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "8");

        Kit.run(ManyTestsTestCase.class, cassettes, "record", parallel).testEvents()
                .assertStatistics(s -> s.started(24).succeeded(24));
        Kit.run(DistinctPromptsTestCase.class, cassettes, "record", parallel).testEvents()
                .assertStatistics(s -> s.started(24).succeeded(24));

        JsonNode cassette = Json.MAPPER.readTree(cassettes.resolve(ManyTestsTestCase.class.getName() + ".json")
                .toFile());
        // Every repetition asks the same two requests, so two entries serve all 24 tests.
        assertThat(cassette.get("entries").size()).isEqualTo(2);
        Kit.run(ManyTestsTestCase.class, cassettes, "replay", parallel).testEvents()
                .assertStatistics(s -> s.started(24).succeeded(24));
    }
}

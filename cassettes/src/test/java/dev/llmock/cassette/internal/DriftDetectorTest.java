package dev.llmock.cassette.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.cassette.CassetteReport;
import dev.llmock.internal.Json;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {
    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void driftSeparatesStructureFromValues() throws Exception {
        CassetteReport.Drift structural = DriftDetector.compare(new CassetteReport.Entry("k", "T"),
                json("{\"name\":\"Ada\",\"age\":36,\"phone\":\"1\",\"tags\":[{\"a\":1}]}"),
                json("{\"name\":\"Ada\",\"age\":\"36\",\"address\":{\"city\":\"Oslo\"},\"tags\":[{\"a\":1,\"b\":2}]}"));

        assertThat(structural.structural()).isTrue();
        assertThat(structural.added()).containsExactly("/address", "/tags/*/b");
        assertThat(structural.removed()).containsExactly("/phone");
        assertThat(structural.typeChanged()).containsExactly("/age: number -> string");
        assertThat(structural.valuesChanged()).isEmpty();
    }
}

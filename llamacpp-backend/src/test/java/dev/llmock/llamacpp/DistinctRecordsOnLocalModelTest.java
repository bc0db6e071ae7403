package dev.llmock.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.Llmock;
import dev.llmock.Shape;
import dev.llmock.junit.Generated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Records of a request differ on a real model even where they easily could collide: one-character codes and a
 * level of 1 to 3. Every call has its own seed and names the values already made, and repeats are asked for again.
 */
class DistinctRecordsOnLocalModelTest {
    /** One-character codes (from the configured limit) and three levels: the tiny model repeats itself often. */
    static final String CODE = "{\"code\":\"string\",\"level\":\"1|2|3\"}";
    static final Set<Code> SEEN = new HashSet<>();

    @TempDir
    Path dir;

    public record Code(String code, String level) {
    }

    static class CodesTestCase {
        @Test
        void codes(@Generated(shape = CODE, backend = "local", count = 24) Set<Code> codes) {
            SEEN.addAll(codes);
            assertThat(codes).hasSize(24);
        }
    }

    private static Llmock engine() {
        return Llmock.newBuilder().backend(LocalBackend.create("{\"limits\":{\"maxStringLength\":1},\"backends\":[{"
                + "\"name\":\"local\",\"provider\":\"llamacpp\",\"model\":" + TinyModel.json() + ",\"contextSize\":2048,"
                + "\"threads\":2,\"maxTokens\":512}]}", "llmock.json")).cache(false).build();
    }

    @Test
    void fiftyRecordsThatCouldEasilyCollideAreFiftyDistinctRecords() {
        try (Llmock llmock = engine()) {
            Fixture fixture = llmock.generate(LocalBackend.fixtureRequest(CODE, 50));

            Set<JsonNode> distinct = new HashSet<>();
            fixture.json().forEach(record -> {
                assertThat(Shape.parse(CODE).validate(record)).isEmpty();
                distinct.add(record);
            });
            System.out.println("tiny model, 50 codes: " + fixture.provenance().details().get("batching"));
            assertThat(fixture.json()).hasSize(50);
            assertThat(distinct).hasSize(50);
        }
    }

    @Test
    void aGeneratedSetOfNRecordsHasN() throws Exception {
        SEEN.clear();
        Path config = Files.writeString(dir.resolve("llmock.json"), "{\"limits\":{\"maxStringLength\":1},"
                + "\"backends\":[{\"name\":\"local\",\"provider\":\"llamacpp\",\"model\":" + TinyModel.json()
                + ",\"contextSize\":2048,\"threads\":2,\"maxTokens\":512}]}");

        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("llmock.config", config.toString())
                .configurationParameter("llmock.mode", "live")
                .selectors(selectClass(CodesTestCase.class))
                .execute().testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(SEEN).hasSize(24);
    }
}

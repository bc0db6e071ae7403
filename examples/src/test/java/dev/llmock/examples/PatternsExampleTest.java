package dev.llmock.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.Merge;
import dev.llmock.Rule;
import dev.llmock.Shape;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import dev.llmock.junit.Generated;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The multi-LLM patterns through the Java API and the annotation, on the three named backends of
 * {@code src/test/resources/llmock.json} (all synthetic here, so the example runs anywhere; point them at Ollama or
 * OpenAI and re-record to use real models). The engine is wired to a cassette by hand, as a library would do it.
 */
class PatternsExampleTest {
    static Cassette cassette;
    static Llmock llmock;

    @BeforeAll
    static void engineWithCassette() {
        LlmockConfig config = LlmockConfig.load();
        RecordMode mode = RecordMode.resolve(null, System::getProperty, System::getenv);
        cassette = Cassettes.newBuilder().directory(Path.of(Cassettes.DEFAULT_DIRECTORY)).mode(mode).config(config)
                .build().open("patterns-engine-api");
        llmock = Llmock.newBuilder().config(config).interceptor(cassette.interceptor()).build();
    }

    @AfterAll
    static void saveCassette() {
        llmock.close();
        cassette.close();
    }

    @Test
    void sequentialEnhancementKeepsEarlierValuesAndWidensTheShape() {
        Shape basic = Shape.parse("{\"firstName\":\"string\",\"lastName\":\"string\",\"email\":\"email\"}");
        Shape wider = Shape.parse("{\"firstName\":\"string\",\"lastName\":\"string\",\"email\":\"email\","
                + "\"demographics\":{\"age\":0,\"city\":\"string\"},\"preferences\":{\"newsletter\":true}}");

        Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(basic).backend("fast")
                .enrich("quality", wider).validate("premium").label("sequential").build());

        assertThat(fixture.json().has("demographics")).isTrue();
        assertThat(fixture.provenance().details().get("stages")).extracting(stage -> stage.get("backend").asText())
                .containsExactly("fast", "quality", "premium");
    }

    @Test
    void parallelPartsMergeIntoOneProduct() {
        Fixture product = llmock.generate(FixtureRequest.newBuilder()
                .part("details", "{\"name\":\"string\",\"description\":\"string\"}", "fast")
                .part("pricing", "{\"price\":0.0,\"currency\":\"EUR|USD\"}", "quality")
                .part("inventory", "{\"stock\":0,\"warehouse\":\"string\"}", "premium")
                .merge(Merge.DEEP).label("parts").build());

        assertThat(product.json().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("name", "description", "price", "currency", "stock", "warehouse");
    }

    @Test
    void codeRulesDriveTheCorrectionLoop() {
        Rule adult = Rule.of("age is at least 21", user -> user.path("age").asInt() >= 21);

        Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape("{\"name\":\"string\",\"age\":0}")
                .count(20).rule(adult).maxAttempts(5).label("rules").build());

        assertThat(fixture.json()).allSatisfy(user -> assertThat(user.get("age").asInt()).isGreaterThanOrEqualTo(21));
    }

    @Test
    void autoRoutesByComplexity() {
        Fixture simple = llmock.generate(FixtureRequest.newBuilder().shape("{\"name\":\"string\"}").backend("auto")
                .label("auto-simple").build());
        Fixture complex = llmock.generate(FixtureRequest.newBuilder().shape("{\"user\":{\"name\":\"string\","
                        + "\"address\":{\"city\":\"string\",\"geo\":{\"lat\":0.0}}},\"orders\":[{\"id\":0}],"
                        + "\"a\":0,\"b\":0,\"c\":0,\"d\":0,\"e\":0,\"f\":0,\"g\":0,\"h\":0,\"i\":0,\"j\":0}")
                .backend("auto").rule("ids are unique").label("auto-complex").build());

        assertThat(simple.provenance().backend()).isEqualTo("fast");
        assertThat(complex.provenance().backend()).isEqualTo("premium");
    }

    @Test
    void distributionsAreSampledInCodeAndTheRestFilledRealistically() {
        Fixture users = llmock.generate(FixtureRequest.newBuilder()
                .shape("{\"name\":\"string\",\"age\":\"int ~ normal(35, 12) in [0, 120]\","
                        + "\"tier\":\"free:70|premium:25|enterprise:5\"}")
                .count(300).label("distributions").build());

        List<Integer> ages = new java.util.ArrayList<>();
        users.json().forEach(user -> ages.add(user.get("age").asInt()));
        double mean = ages.stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(mean).isBetween(35 - 3 * 12 / Math.sqrt(300), 35 + 3 * 12 / Math.sqrt(300));
        long free = 0;
        for (JsonNode user : users.json()) {
            free += "free".equals(user.get("tier").asText()) ? 1 : 0;
        }
        assertThat(free).isEqualTo(210);
    }

    @Test
    void consensusPicksTheBestAnswer(@Generated(consensus = {"fast", "quality", "premium"},
            shape = "{\"title\":\"string\",\"isbn\":\"string\"}") JsonNode book) {
        assertThat(book.get("isbn").asText()).isNotBlank();
    }
}

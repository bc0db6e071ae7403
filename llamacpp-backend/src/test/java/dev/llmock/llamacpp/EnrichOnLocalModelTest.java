package dev.llmock.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import org.junit.jupiter.api.Test;

/**
 * An enrich stage on the real model: the synthetic generator makes a person, the tiny model enriches it. Its values
 * are the result wherever they fit, with the same shape as with a wider one, and the provenance says so per field.
 */
class EnrichOnLocalModelTest {
    static final String PERSON = LlamaCppBackendTest.PERSON;
    static final Shape WIDER = Shape.parse("{\"name\":\"string\",\"age\":0,\"active\":true,\"city\":\"string\"}");

    private static Llmock engine() {
        return Llmock.newBuilder().config(LlmockConfig.parse("{\"backends\":[{\"name\":\"basic\","
                + "\"provider\":\"synthetic\"}]}", "llmock.json")).backend(LocalBackend.tiny("")).cache(false).build();
    }

    @Test
    void withTheSameShapeTheModelsAnswerReplacesTheEarlierRecord() {
        try (Llmock llmock = engine()) {
            JsonNode basic = llmock.generate(FixtureRequest.newBuilder().shape(PERSON).backend("basic").build()).json();
            Fixture enriched = llmock.generate(FixtureRequest.newBuilder().shape(PERSON).backend("basic")
                    .enrich("local").build());

            assertThat(Shape.parse(PERSON).validate(enriched.json())).isEmpty();
            assertThat(enriched.json().get("name")).isNotEqualTo(basic.get("name"));
            JsonNode stages = enriched.provenance().details().get("stages");
            assertThat(stages.findValuesAsText("backend")).containsExactly("basic", "local");
            assertThat(stages.at("/1/fields/~1name").toString()).isEqualTo("{\"enriched\":1,\"kept\":0}");
        }
    }

    @Test
    void withAWiderShapeTheModelsValuesWinAndFillTheNewField() {
        try (Llmock llmock = engine()) {
            JsonNode basic = llmock.generate(FixtureRequest.newBuilder().shape(PERSON).backend("basic").build()).json();
            Fixture enriched = llmock.generate(FixtureRequest.newBuilder().shape(PERSON).backend("basic")
                    .enrich("local", WIDER).build());

            assertThat(WIDER.validate(enriched.json())).isEmpty();
            assertThat(enriched.json().get("name")).isNotEqualTo(basic.get("name"));
            JsonNode fields = enriched.provenance().details().at("/stages/1/fields");
            assertThat(fields.get("/name").toString()).isEqualTo("{\"enriched\":1,\"kept\":0}");
            assertThat(fields.get("/city").toString()).isEqualTo("{\"enriched\":1,\"kept\":0}");
        }
    }
}

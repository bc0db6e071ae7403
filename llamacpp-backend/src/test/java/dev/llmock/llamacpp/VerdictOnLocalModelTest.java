package dev.llmock.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.GenerationException;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.Stage;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
import dev.llmock.internal.backend.ProviderSchema;
import dev.llmock.internal.backend.VerdictSchema;
import dev.llmock.spi.BackendRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A validator on the real model answers a verdict, held to the verdict schema by the grammar. */
class VerdictOnLocalModelTest {
    static final Shape PERSON = Shape.parse(LlamaCppBackendTest.PERSON);
    static final String RULE = "every name starts with A";

    @Test
    void aValidatorsCallIsAnsweredWithAVerdictThatFitsTheVerdictSchema() throws Exception {
        JsonNode people = Json.MAPPER.readTree("[{\"name\":\"Ada\",\"age\":36,\"active\":true},"
                + "{\"name\":\"Bo\",\"age\":7,\"active\":false}]");
        BackendRequest judge = new BackendRequest(Stage.Role.VALIDATE, PERSON, 2, 0, null, List.of(RULE), people,
                List.of(), null, 11, null);

        JsonNode verdict = LocalBackend.tiny(",\"maxTokens\":512").call(judge).json();

        ProviderSchema schema = VerdictSchema.around(ProviderSchema.of(PERSON, 2, new LlmockConfig.Limits(24, 3)));
        assertThat(Shape.fromJsonSchema(withoutLengths(schema.schema())).validate(verdict)).as(verdict.toString())
                .isEmpty();
        assertThat(verdict.get("valid").isBoolean()).isTrue();
    }

    /**
     * The schema without its string lengths: llama.cpp counts characters as it samples them, and a random model's
     * broken UTF-8 reaches Java as one replacement character per byte, so a string may come back longer.
     */
    private static JsonNode withoutLengths(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        copy.findParents("maxLength").forEach(parent -> ((ObjectNode) parent).remove("maxLength"));
        return copy;
    }

    /**
     * The random model's verdict may go either way; either way the loop follows it: valid, and the data passes with
     * its rules judged; invalid, and (with one attempt) the generation fails on exactly the verdict's problems.
     */
    @Test
    void aValidateStageOnTheModelFollowsItsVerdictOnRulesInWords() {
        RecordingBackend local = new RecordingBackend(LocalBackend.tiny(",\"maxTokens\":512"));
        Fixture fixture = null;
        GenerationException failure = null;
        try (Llmock llmock = Llmock.newBuilder().config(LlmockConfig.parse("{\"backends\":[{\"name\":\"basic\","
                + "\"provider\":\"synthetic\"}]}", "llmock.json")).backend(local).cache(false).build()) {
            fixture = llmock.generate(FixtureRequest.newBuilder().shape(PERSON).backend("basic").rule(RULE)
                    .validate("local").maxAttempts(1).build());
        } catch (GenerationException e) {
            failure = e;
        }

        assertThat(local.requests()).hasSize(1);
        JsonNode verdict = local.answers().get(0);
        System.out.println("tiny model as validator: " + verdict);
        assertThat(verdict.get("valid").isBoolean()).isTrue();
        if (verdict.get("valid").asBoolean()) {
            assertThat(fixture).isNotNull();
            assertThat(fixture.provenance().details().at("/stages/1/verdicts").asInt()).isEqualTo(1);
            assertThat(fixture.provenance().details().has("unchecked")).isFalse();
        } else {
            assertThat(failure).isNotNull();
            List<String> reasons = new ArrayList<>();
            verdict.get("problems").forEach(problem -> reasons.add(problem.get("reason").asText()));
            assertThat(failure.violations()).extracting(Violation::reason).containsExactlyElementsOf(reasons.isEmpty()
                    ? List.of("the validator judged the data invalid without saying why") : reasons);
        }
    }
}

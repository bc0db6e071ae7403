package dev.llmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.llmock.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class FixtureRequestKeyTest {
    private static final String SHAPE = "{\"name\":\"string\",\"age\":0}";

    private static FixtureRequest.Builder base() {
        return FixtureRequest.newBuilder().shape(SHAPE);
    }

    @Test
    void keyIsStableAcrossBuildsAndVersions() {
        String key = base().build().key().hash();

        assertThat(base().build().key().hash()).isEqualTo(key);
        assertThat(key).matches("[0-9a-f]{64}");
        // Cassettes are keyed by this value: a change here makes every recorded fixture a miss.
        assertThat(key).isEqualTo("2228db26bf444edcf71fab2bb28b6cc59ef0fea005222fb1346b2ec5b54bd2eb");
    }

    @Test
    void equalShapesWrittenDifferentlyGiveTheSameKey() {
        String fromTemplate = base().build().key().hash();
        String reordered = FixtureRequest.newBuilder().shape("{ \"age\": 0,\n \"name\": \"string\" }").build().key().hash();
        // The template's own JSON Schema, written in another key order, is the same shape.
        String fromSchema = FixtureRequest.newBuilder().shape("{\"additionalProperties\":false,\"type\":\"object\","
                + "\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}},"
                + "\"required\":[\"age\",\"name\"],\"$schema\":\"https://json-schema.org/draft/2020-12/schema\"}")
                .build().key().hash();
        // Without "additionalProperties": false a JSON Schema allows more properties: another shape, another key.
        String open = FixtureRequest.newBuilder().shape("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":"
                + "\"string\"},\"age\":{\"type\":\"integer\"}},\"required\":[\"age\",\"name\"]}").build().key().hash();

        assertThat(reordered).isEqualTo(fromTemplate);
        assertThat(fromSchema).isEqualTo(fromTemplate);
        assertThat(open).isNotEqualTo(fromTemplate);
    }

    @Test
    void keyChangesWithShapeCountVariantPromptAndRules() {
        String key = base().build().key().hash();
        List<UnaryOperator<FixtureRequest.Builder>> changes = List.of(
                b -> b.shape("{\"name\":\"string\",\"age\":0.0}"),
                b -> b.shape("{\"$cache\":2,\"name\":\"string\",\"age\":0}"),
                b -> b.count(2),
                b -> b.variant(1),
                b -> b.prompt("Germans only"),
                b -> b.rule("age is at least 18"),
                b -> b.rule(Rule.of("name is not blank", n -> !n.path("name").asText().isBlank())),
                b -> b.backend("quality"));

        for (UnaryOperator<FixtureRequest.Builder> change : changes) {
            assertThat(change.apply(base()).build().key().hash()).isNotEqualTo(key);
        }
    }

    @Test
    void everyKeyIsTheSha256OfItsWholeCanonicalTextWhateverSortsBeforeTheShape() throws NoSuchAlgorithmException {
        // Keys of one shape hash the shape's text once per text that sorts before it (backend, count, prompt...):
        // each must still be the plain SHA-256 of the whole text, also past the number of such texts kept per shape.
        Shape shared = Shape.parse(SHAPE);
        List<FixtureRequest> requests = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < Shape.KeySchema.MAX_PREFIXES + 8; i++) {
                requests.add(FixtureRequest.newBuilder().shape(shared).backend("backend-" + i).variant(i).build());
            }
            requests.add(FixtureRequest.newBuilder().shape(shared).count(3).prompt("Germans only").rule("adults")
                    .context(JsonNodeFactory.instance.objectNode().put("country", "DE")).variant(7).build());
            requests.add(FixtureRequest.newBuilder().shape(shared).enrich("quality").consensus("a", "b")
                    .corrector("fix").finalBackend("last").targetType(String.class).build());
            requests.add(FixtureRequest.newBuilder().shape("{\"$cache\":2,\"name\":\"string\",\"age\":0}").build());
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");

        for (FixtureRequest request : requests) {
            RequestKey key = request.key();
            assertThat(key.canonical()).isEqualTo(Json.canonical(key.json()));
            assertThat(key.hash()).isEqualTo(HexFormat.of().formatHex(
                    sha256.digest(key.canonical().getBytes(StandardCharsets.UTF_8))));
            assertThat(RequestKey.of(key.json())).isEqualTo(key);
        }
    }

    @Test
    void labelIsNotPartOfTheKey() {
        FixtureRequest plain = base().build();
        FixtureRequest labelled = base().label("UserTest.signsUp(User)").build();

        assertThat(labelled.key()).isEqualTo(plain.key());
        assertThat(labelled).isEqualTo(plain);
        assertThat(labelled.label()).isEqualTo("UserTest.signsUp(User)");
    }

    @Test
    void blankPromptsAndRulesAreNothing() {
        assertThat(base().prompt("  ").rule("").build().key()).isEqualTo(base().build().key());
    }

    @Test
    void builderChecksItsValues() {
        assertThatThrownBy(() -> FixtureRequest.newBuilder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A FixtureRequest needs a shape: call shape(...) or shapeOf(...).");
        assertThatThrownBy(() -> base().count(0).build())
                .hasMessage("count must be at least 1, but was 0.");
        assertThatThrownBy(() -> base().variant(-1).build())
                .hasMessage("variant must be 0 or more, but was -1.");
        assertThatThrownBy(() -> base().maxAttempts(0).build())
                .hasMessage("maxAttempts must be at least 1, but was 0.");
    }

    @Test
    void toBuilderKeepsEverything() {
        FixtureRequest request = base().count(3).variant(2).prompt("p").rule("r").label("l").backend("fast").build();

        assertThat(request.toBuilder().build().key()).isEqualTo(request.key());
        assertThat(request.toBuilder().build().label()).isEqualTo("l");
        assertThat(Shape.parse(SHAPE)).isEqualTo(request.shape());
    }
}

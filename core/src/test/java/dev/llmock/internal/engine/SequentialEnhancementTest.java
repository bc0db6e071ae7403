package dev.llmock.internal.engine;

import static dev.llmock.internal.engine.Simulated.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.Shape;
import dev.llmock.Stage;
import org.junit.jupiter.api.Test;

class SequentialEnhancementTest {
    private static final Shape PERSON = Shape.parse("{\"firstName\":\"string\",\"lastName\":\"string\",\"email\":\"email\"}");
    private static final Shape WIDER = Shape.parse("{\"firstName\":\"string\",\"lastName\":\"string\",\"email\":\"email\","
            + "\"demographics\":{\"age\":0},\"preferences\":{\"newsletter\":true}}");
    private static final Shape WIDEST = Shape.parse("{\"firstName\":\"string\",\"lastName\":\"string\",\"email\":\"email\","
            + "\"demographics\":{\"age\":0},\"preferences\":{\"newsletter\":true},\"account\":{\"plan\":\"free|pro\"}}");

    @Test
    void eachStageIsServedByItsNamedBackendAndTheProvenanceSaysWhich() {
        Simulated fast = Simulated.answering("fast", "{'firstName':'Ada','lastName':'Lovelace','email':'ada@example.org'}");
        Simulated quality = Simulated.answering("quality", "{'firstName':'Ada','lastName':'Lovelace','email':'ada@example.org',"
                + "'demographics':{'age':36},'preferences':{'newsletter':true}}");
        Simulated premium = Simulated.answering("premium", "{'firstName':'Ada','lastName':'Lovelace','email':'ada@example.org',"
                + "'demographics':{'age':36},'preferences':{'newsletter':true},'account':{'plan':'pro'}}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).backend(quality).backend(premium).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(PERSON).backend("fast")
                    .enrich("quality", WIDER).stage(new Stage(Stage.Role.ENRICH, "premium", WIDEST, null)).build());

            assertThat(fixture.json().at("/account/plan").asText()).isEqualTo("pro");
            JsonNode stages = fixture.provenance().details().get("stages");
            assertThat(stages).hasSize(3);
            assertThat(stages.findValuesAsText("backend")).containsExactly("fast", "quality", "premium");
            assertThat(stages.findValuesAsText("role")).containsExactly("generate", "enrich", "enrich");
            assertThat(fixture.provenance().backend()).isEqualTo("premium");
            assertThat(quality.calls().get(0).previous()).isEqualTo(json(
                    "{'firstName':'Ada','lastName':'Lovelace','email':'ada@example.org'}"));
            assertThat(quality.calls().get(0).shape()).isEqualTo(WIDER);
        }
    }

    @Test
    void withTheSameShapeTheEnrichersAnswerIsTheResult() {
        Simulated fast = Simulated.answering("fast", "{'firstName':'Ada','lastName':'Lovelace','email':'ada@example.org'}");
        Simulated quality = Simulated.answering("quality", "{'firstName':'Grace','lastName':'Hopper',"
                + "'email':'grace@example.org'}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).backend(quality).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(PERSON).backend("fast")
                    .enrich("quality").build());

            assertThat(fixture.json()).isEqualTo(json("{'firstName':'Grace','lastName':'Hopper',"
                    + "'email':'grace@example.org'}"));
            assertThat(fixture.provenance().details().at("/stages/1/fields").toString()).isEqualTo("{"
                    + "\"/firstName\":{\"enriched\":1,\"kept\":0},\"/lastName\":{\"enriched\":1,\"kept\":0},"
                    + "\"/email\":{\"enriched\":1,\"kept\":0}}");
        }
    }

    @Test
    void theEnrichersValidValuesWinAndEarlierValuesFillOnlyWhatItGotWrongOrLeftOut() {
        Simulated fast = Simulated.answering("fast", "{'firstName':'Ada','lastName':'Lovelace','email':'ada@example.org'}");
        Simulated quality = Simulated.answering("quality", "{'firstName':'Grace','email':'not an email',"
                + "'demographics':{'age':36},'preferences':{'newsletter':false}}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).backend(quality).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(PERSON).backend("fast")
                    .enrich("quality", WIDER).build());

            assertThat(fixture.json()).isEqualTo(json("{'firstName':'Grace','email':'ada@example.org',"
                    + "'demographics':{'age':36},'preferences':{'newsletter':false},'lastName':'Lovelace'}"));
            assertThat(fixture.provenance().details().at("/stages/1/fields").toString()).isEqualTo("{"
                    + "\"/firstName\":{\"enriched\":1,\"kept\":0},\"/email\":{\"enriched\":0,\"kept\":1},"
                    + "\"/demographics/age\":{\"enriched\":1,\"kept\":0},"
                    + "\"/preferences/newsletter\":{\"enriched\":1,\"kept\":0},"
                    + "\"/lastName\":{\"enriched\":0,\"kept\":1}}");
            assertThat(quality.calls()).hasSize(1);
        }
    }

    @Test
    void enrichmentFillsEarlierValuesRecordByRecordInBatches() {
        Simulated fast = Simulated.answering("fast", request -> Simulated.records(request,
                i -> json("{'firstName':'A" + i + "','lastName':'L','email':'a" + i + "@example.org'}")));
        Simulated quality = Simulated.answering("quality", request -> Simulated.records(request,
                i -> json("{'lastName':'Y','email':'a" + i + "@example.org','demographics':{'age':" + (20 + i)
                        + "},'preferences':{'newsletter':true}}")));
        try (Llmock llmock = Llmock.newBuilder().backend(fast).backend(quality).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(PERSON).count(3).backend("fast")
                    .enrich("quality", WIDER).build());

            assertThat(fixture.json().findValuesAsText("firstName")).containsExactly("A0", "A1", "A2");
            assertThat(fixture.json().findValuesAsText("lastName")).containsExactly("Y", "Y", "Y");
            assertThat(fixture.json().findValues("age")).extracting(JsonNode::asInt).containsExactly(20, 21, 22);
            JsonNode fields = fixture.provenance().details().at("/stages/1/fields");
            assertThat(fields.get("/firstName").toString()).isEqualTo("{\"enriched\":0,\"kept\":3}");
            assertThat(fields.get("/lastName").toString()).isEqualTo("{\"enriched\":3,\"kept\":0}");
            assertThat(fields.get("/email").toString()).isEqualTo("{\"enriched\":0,\"kept\":3}");
        }
    }

    @Test
    void theCommonCaseRunsOnTheSyntheticGeneratorWithoutConfiguration() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(PERSON).backend("fast")
                    .enrich("quality", WIDER).validate("premium").build());

            assertThat(WIDER.validate(fixture.json())).isEmpty();
            ObjectNode details = fixture.provenance().details();
            assertThat(details.get("stages").findValuesAsText("backend")).containsExactly("fast", "quality", "premium");
            assertThat(details.get("stages").findValuesAsText("role")).containsExactly("generate", "enrich", "validate");
            assertThat(details.get("stages").findValuesAsText("provider"))
                    .containsExactly("synthetic", "synthetic", "synthetic");
        }
    }
}

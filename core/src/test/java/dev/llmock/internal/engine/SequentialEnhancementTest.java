package dev.llmock.internal.engine;

import static dev.llmock.internal.engine.Simulated.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.Rule;
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
    void enrichmentKeepsEarlierValidValuesEvenWhenTheEnricherChangesThem() {
        Simulated fast = Simulated.answering("fast", "{'firstName':'Ada','lastName':'Lovelace','email':'ada@example.org'}");
        Simulated quality = Simulated.answering("quality", "{'firstName':'Grace','lastName':'Hopper','email':'grace@example.org',"
                + "'demographics':{'age':36},'preferences':{'newsletter':false}}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).backend(quality).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(PERSON).backend("fast")
                    .enrich("quality", WIDER).build());

            assertThat(fixture.json()).isEqualTo(json("{'firstName':'Ada','lastName':'Lovelace','email':'ada@example.org',"
                    + "'demographics':{'age':36},'preferences':{'newsletter':false}}"));
        }
    }

    @Test
    void enrichmentTakesTheEnrichersValuesWhenARuleFindsTheMergedRecordInconsistent() {
        Shape born = Shape.parse("{\"name\":\"string\",\"age\":0}");
        Shape wider = Shape.parse("{\"name\":\"string\",\"age\":0,\"birthYear\":0}");
        Rule consistent = Rule.of("age agrees with birthYear in 2024",
                r -> !r.has("birthYear") || r.get("age").asInt() == 2024 - r.get("birthYear").asInt());
        Simulated fast = Simulated.answering("fast", "{'name':'Ada','age':30}");
        Simulated quality = Simulated.answering("quality", "{'name':'Ada','age':45,'birthYear':1979}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).backend(quality).build()) {
            Fixture withRule = llmock.generate(FixtureRequest.newBuilder().shape(born).backend("fast")
                    .enrich("quality", wider).rule(consistent).build());
            Fixture withoutRule = llmock.generate(FixtureRequest.newBuilder().shape(born).backend("fast")
                    .enrich("quality", wider).build());

            assertThat(withRule.json()).isEqualTo(json("{'name':'Ada','age':45,'birthYear':1979}"));
            assertThat(withoutRule.json()).isEqualTo(json("{'name':'Ada','age':30,'birthYear':1979}"));
        }
    }

    @Test
    void enrichmentKeepsEarlierValuesRecordByRecordInBatches() {
        Simulated fast = Simulated.answering("fast", request -> Simulated.records(request,
                i -> json("{'firstName':'A" + i + "','lastName':'L','email':'a" + i + "@example.org'}")));
        Simulated quality = Simulated.answering("quality", request -> Simulated.records(request,
                i -> json("{'firstName':'X','lastName':'Y','email':'x@example.org','demographics':{'age':" + (20 + i)
                        + "},'preferences':{'newsletter':true}}")));
        try (Llmock llmock = Llmock.newBuilder().backend(fast).backend(quality).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(PERSON).count(3).backend("fast")
                    .enrich("quality", WIDER).build());

            assertThat(fixture.json().findValuesAsText("firstName")).containsExactly("A0", "A1", "A2");
            assertThat(fixture.json().findValuesAsText("lastName")).containsExactly("L", "L", "L");
            assertThat(fixture.json().findValues("age")).extracting(JsonNode::asInt).containsExactly(20, 21, 22);
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

package dev.llmock.internal.engine;

import static dev.llmock.internal.engine.Simulated.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ConsensusTest {
    private static final String PRODUCT = "{\"name\":\"string\",\"description\":\"string\",\"price\":0.0}";

    @Test
    void theBackendsAreAskedAtOnceAndTheValidAnswerClosestToTheOthersWins() {
        CountDownLatch allStarted = new CountDownLatch(3);
        Simulated lazy = Simulated.answering("lazy", "{'name':'string','description':'lorem ipsum dolor','price':1.0}")
                .withStartGate(allStarted);
        Simulated sloppy = Simulated.answering("sloppy", "{'name':'Desk lamp','price':'cheap'}")
                .withStartGate(allStarted);
        Simulated careful = Simulated.answering("careful", "{'name':'Desk lamp','description':'Warm light for late"
                + " reading','price':39.5}").withStartGate(allStarted);
        try (Llmock llmock = Llmock.newBuilder().backend(lazy).backend(sloppy).backend(careful).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(PRODUCT)
                    .consensus("lazy", "sloppy", "careful").build());

            assertThat(fixture.json().get("name").asText()).isEqualTo("Desk lamp");
            assertThat(fixture.provenance().backend()).isEqualTo("careful");
            JsonNode consensus = fixture.provenance().details().get("consensus");
            assertThat(consensus.get("winner").asText()).isEqualTo("careful");
            assertThat(consensus.get("answers").toString()).isEqualTo("["
                    + "{\"backend\":\"lazy\",\"agreement\":0.004,\"valid\":true,\"violations\":0,\"placeholders\":2},"
                    + "{\"backend\":\"sloppy\",\"agreement\":0.167,\"valid\":false,\"violations\":2,\"placeholders\":0},"
                    + "{\"backend\":\"careful\",\"agreement\":0.171,\"valid\":true,\"violations\":0,\"placeholders\":0}]");
            // each backend answered only after all three had been called: the calls ran at once
            assertThat(allStarted.getCount()).isZero();
        }
    }

    @Test
    void theAnswerClosestToTheOthersWinsWhenTheFirstNamedBackendDisagreesWithTheOtherTwo() {
        Simulated first = Simulated.answering("first", "{'name':'Desk lamp','description':'Red','price':100.0}");
        Simulated second = Simulated.answering("second", "{'name':'Reading lamp','description':'Warm light','price':40.0}");
        Simulated third = Simulated.answering("third", "{'name':'Reading lamp','description':'Warm light','price':50.0}");
        try (Llmock llmock = Llmock.newBuilder().backend(first).backend(second).backend(third).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(PRODUCT)
                    .consensus("first", "second", "third").build());

            assertThat(fixture.json()).isEqualTo(json("{'name':'Reading lamp','description':'Warm light','price':50.0}"));
            JsonNode consensus = fixture.provenance().details().get("consensus");
            // pairs: first-second 0.244, first-third 0.278, second-third 0.933 (names share "lamp": 1/3)
            assertThat(consensus.get("winner").asText()).isEqualTo("third");
            assertThat(consensus.get("agreement").asDouble()).isEqualTo(0.485);
            assertThat(consensus.get("fields").toString())
                    .isEqualTo("{\"/name\":0.556,\"/description\":0.333,\"/price\":0.567}");
            assertThat(consensus.get("answers").findValues("agreement")).extracting(JsonNode::asDouble)
                    .containsExactly(0.261, 0.589, 0.606);
        }
    }

    @Test
    void whenTheAnswersAgreeAlikeTheBackendNamedFirstWinsAndEachCallHasItsOwnSeed() {
        Simulated first = Simulated.answering("first", "{'name':'Lamp','description':'Bright','price':10.0}");
        Simulated second = Simulated.answering("second", "{'name':'Desk','description':'Oak','price':10.0}");
        try (Llmock llmock = Llmock.newBuilder().backend(first).backend(second).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(PRODUCT).consensus("first", "second")
                    .build());

            assertThat(fixture.provenance().details().at("/consensus/winner").asText()).isEqualTo("first");
            assertThat(first.calls().get(0).seed()).isNotEqualTo(second.calls().get(0).seed());
        }
    }

    @Test
    void anInvalidWinnerIsCorrectedByItsOwnBackend() {
        Simulated first = Simulated.answering("first", "{'name':'Lamp','description':'Bright','price':'n/a'}",
                "{'name':'Lamp','description':'Bright','price':12.0}");
        Simulated second = Simulated.answering("second", "{'name':'string'}");
        try (Llmock llmock = Llmock.newBuilder().backend(first).backend(second).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(PRODUCT).consensus("first", "second")
                    .build());

            assertThat(fixture.json()).isEqualTo(json("{'name':'Lamp','description':'Bright','price':12.0}"));
            assertThat(first.calls()).hasSize(2);
            assertThat(second.calls()).hasSize(1);
        }
    }

    @Test
    void theConsensusBackendsArePartOfTheCassetteKey() {
        FixtureRequest request = FixtureRequest.newBuilder().shape(PRODUCT).consensus("a", "b").build();

        assertThat(request.key().json().get("consensus").toString()).isEqualTo("[\"a\",\"b\"]");
    }
}

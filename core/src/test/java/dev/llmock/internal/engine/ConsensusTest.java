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
    void theBackendsAreAskedAtOnceAndTheBestScoringAnswerWinsWithEveryScoreInTheProvenance() {
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
            assertThat(consensus.get("scores").toString()).isEqualTo("["
                    + "{\"backend\":\"lazy\",\"score\":86.67,\"valid\":true,\"violations\":0,\"values\":3,\"missing\":0,\"placeholders\":2},"
                    + "{\"backend\":\"sloppy\",\"score\":50.0,\"valid\":false,\"violations\":2,\"values\":2,\"missing\":0,\"placeholders\":0},"
                    + "{\"backend\":\"careful\",\"score\":100.0,\"valid\":true,\"violations\":0,\"values\":3,\"missing\":0,\"placeholders\":0}]");
            // each backend answered only after all three had been called: the calls ran at once
            assertThat(allStarted.getCount()).isZero();
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

package dev.llmock.patterns;

import static dev.llmock.patterns.Simulated.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import org.junit.jupiter.api.Test;

class ConsensusTest {
    private static final String PRODUCT = "{\"name\":\"string\",\"description\":\"string\",\"price\":0.0}";

    @Test
    void theBestScoringAnswerWinsAndEveryScoreIsInTheProvenance() {
        Simulated lazy = Simulated.answering("lazy", "{'name':'string','description':'lorem ipsum dolor','price':1.0}")
                .withLatency(200);
        Simulated sloppy = Simulated.answering("sloppy", "{'name':'Desk lamp','price':'cheap'}").withLatency(200);
        Simulated careful = Simulated.answering("careful", "{'name':'Desk lamp','description':'Warm light for late"
                + " reading','price':39.5}").withLatency(200);
        try (Llmock llmock = Llmock.newBuilder().backend(lazy).backend(sloppy).backend(careful).build()) {
            long started = System.nanoTime();
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(PRODUCT)
                    .consensus("lazy", "sloppy", "careful").build());
            long wallMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(fixture.json().get("name").asText()).isEqualTo("Desk lamp");
            assertThat(fixture.provenance().backend()).isEqualTo("careful");
            JsonNode consensus = fixture.provenance().details().get("consensus");
            assertThat(consensus.get("winner").asText()).isEqualTo("careful");
            assertThat(consensus.get("scores").toString()).isEqualTo("["
                    + "{\"backend\":\"lazy\",\"score\":86.67,\"valid\":true,\"violations\":0,\"values\":3,\"missing\":0,\"placeholders\":2},"
                    + "{\"backend\":\"sloppy\",\"score\":50.0,\"valid\":false,\"violations\":2,\"values\":2,\"missing\":0,\"placeholders\":0},"
                    + "{\"backend\":\"careful\",\"score\":100.0,\"valid\":true,\"violations\":0,\"values\":3,\"missing\":0,\"placeholders\":0}]");
            assertThat(wallMs).isLessThan(600);
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

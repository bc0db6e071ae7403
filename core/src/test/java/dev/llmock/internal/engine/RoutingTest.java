package dev.llmock.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.internal.shape.ShapeAccess;
import org.junit.jupiter.api.Test;

class RoutingTest {
    private static final LlmockConfig ROUTED = LlmockConfig.parse("""
            {"backends": [
               {"name": "fast", "provider": "synthetic"},
               {"name": "quality", "provider": "synthetic"},
               {"name": "premium", "provider": "synthetic"}],
             "routing": {"simple": "fast", "medium": "quality", "complex": "premium"}}
            """, "test");
    /** The seed's first example, {@code { "name": "string" } → Score: 1 → Fast Model}. */
    private static final String SIMPLE = "{\"name\":\"string\"}";
    /** The seed's second example, the user's fields: {@code → Score: 6 → Quality Model}. */
    private static final String USER = "{\"name\":\"string\",\"address\":{\"street\":\"string\",\"city\":\"string\","
            + "\"zip\":\"string\"},\"orders\":[{\"id\":0,\"total\":0.0}]}";
    /** The same user as the one field of a wrapper, as the seed's comment writes it. */
    private static final String MEDIUM = "{\"user\":" + USER + "}";
    private static final String COMPLEX = "{\"a\":\"string\",\"b\":\"string\",\"c\":\"string\",\"d\":\"string\","
            + "\"e\":\"string\",\"f\":\"string\",\"g\":\"string\",\"h\":\"string\",\"i\":\"string\",\"j\":\"string\","
            + "\"k\":\"string\",\"l\":\"string\",\"m\":{\"n\":{\"o\":[\"string\"]}}}";

    private static JsonNode route(Llmock llmock, FixtureRequest.Builder request) {
        Fixture fixture = llmock.generate(request.backend(FixtureRequest.AUTO).build());
        assertThat(fixture.provenance().backend()).isEqualTo(fixture.provenance().details().at("/routing/backend").asText());
        return fixture.provenance().details().get("routing");
    }

    private static Routing.Factors factors(String shape, int rules) {
        return Routing.Factors.of(ShapeAccess.node(Shape.parse(shape)), rules);
    }

    @Test
    void theSeedsFirstExampleScoresOneAndIsSimple() {
        Routing.Factors simple = factors(SIMPLE, 0);

        assertThat(simple).isEqualTo(new Routing.Factors(1, 1, false, 0));
        assertThat(simple.exact()).isEqualTo(1.2);
        assertThat(simple.score()).isEqualTo(1);
        assertThat(Routing.tier(simple.score())).isEqualTo("simple");
    }

    @Test
    void theSeedsUserExampleScoresSixAndIsMedium() {
        Routing.Factors user = factors(USER, 0);

        // 3 fields / 5 = 0.6, depth 3 (orders -> [ -> {), 2 for the array: 5.6, rounded half up
        assertThat(user).isEqualTo(new Routing.Factors(3, 3, true, 0));
        assertThat(user.exact()).isCloseTo(5.6, within(1e-9));
        assertThat(user.score()).isEqualTo(6);
        assertThat(Routing.tier(user.score())).isEqualTo("medium");
    }

    @Test
    void fieldsCountAtTheTopLevelOnlyAndDivideWithoutTruncating() {
        // one top-level field: 0.2, depth min(4, 3), array 2: 5.2 -> 5
        assertThat(factors(MEDIUM, 0).exact()).isCloseTo(5.2, within(1e-9));
        assertThat(factors(MEDIUM, 0).score()).isEqualTo(5);
        // 13 fields: 2.6 (not 2), depth 4 counted as 3, array 2, two rules: 9.6 -> 10
        assertThat(factors(COMPLEX, 2).exact()).isCloseTo(9.6, within(1e-9));
        assertThat(factors(COMPLEX, 2).score()).isEqualTo(10);
        // with 8 rules the sum is capped at 10
        assertThat(factors(COMPLEX, 8).exact()).isEqualTo(10.0);
        // 20 flat fields: 20 / 5 = 4, counted as 3, plus depth 1
        StringBuilder twenty = new StringBuilder("{\"f0\":0");
        for (int i = 1; i < 20; i++) {
            twenty.append(",\"f").append(i).append("\":0");
        }
        assertThat(factors(twenty.append('}').toString(), 0).exact()).isEqualTo(4.0);
    }

    @Test
    void theTierReadsTheScoreRoundedToTheNearestWholeNumber() {
        // 7 fields: 1.4, depth 2, array 2: 5.4 -> 5 (the seed's 5.6 of the user example -> 6, its 1.2 -> 1)
        Routing.Factors seven = factors("{\"a\":0,\"b\":0,\"c\":0,\"d\":0,\"e\":0,\"f\":0,\"tags\":[0]}", 0);

        assertThat(seven.exact()).isCloseTo(5.4, within(1e-9));
        assertThat(seven.score()).isEqualTo(5);
        // 2 fields and a rule: 0.4 + 1 + 1 = 2.4 -> 2; three rules: 4.4 -> 4, the first medium score
        assertThat(factors("{\"a\":0,\"b\":0}", 1).score()).isEqualTo(2);
        assertThat(factors("{\"a\":0,\"b\":0}", 3).score()).isEqualTo(4);
        assertThat(Routing.tier(4)).isEqualTo("medium");
        assertThat(Routing.tier(7)).isEqualTo("medium");
        assertThat(Routing.tier(8)).isEqualTo("complex");
        assertThat(Routing.tier(0)).isEqualTo("simple");
    }

    @Test
    void autoRoutesEachTierToItsConfiguredBackendAndRecordsTheScore() {
        try (Llmock llmock = Llmock.newBuilder().config(ROUTED).build()) {
            JsonNode simple = route(llmock, FixtureRequest.newBuilder().shape(SIMPLE));
            JsonNode medium = route(llmock, FixtureRequest.newBuilder().shape(USER));
            JsonNode complex = route(llmock, FixtureRequest.newBuilder().shape(COMPLEX).rule("a").rule("b"));

            assertThat(simple.toString()).isEqualTo("{\"score\":1,\"exactScore\":1.2,\"factors\":{\"fields\":1,"
                    + "\"depth\":1,\"arrays\":false,\"rules\":0},\"tier\":\"simple\",\"backend\":\"fast\","
                    + "\"configured\":true}");
            assertThat(medium.toString()).isEqualTo("{\"score\":6,\"exactScore\":5.6,\"factors\":{\"fields\":3,"
                    + "\"depth\":3,\"arrays\":true,\"rules\":0},\"tier\":\"medium\",\"backend\":\"quality\","
                    + "\"configured\":true}");
            assertThat(complex.toString()).isEqualTo("{\"score\":10,\"exactScore\":9.6,\"factors\":{\"fields\":13,"
                    + "\"depth\":4,\"arrays\":true,\"rules\":2},\"tier\":\"complex\",\"backend\":\"premium\","
                    + "\"configured\":true}");
        }
    }

    @Test
    void autoFallsBackToTheDefaultBackendWithoutRoutingConfiguration() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            JsonNode routing = route(llmock, FixtureRequest.newBuilder().shape(USER));

            assertThat(routing.path("score").asInt()).isEqualTo(6);
            assertThat(routing.path("tier").asText()).isEqualTo("medium");
            assertThat(routing.path("backend").asText()).isEqualTo("synthetic");
            assertThat(routing.path("configured").asBoolean()).isFalse();
        }
    }

    @Test
    void theRoutedBackendReallyServesTheRequest() {
        Simulated premium = Simulated.answering("premium", request -> Simulated.json("{'a':'x','b':'x','c':'x','d':'x',"
                + "'e':'x','f':'x','g':'x','h':'x','i':'x','j':'x','k':'x','l':'x','m':{'n':{'o':['x']}}}"));
        try (Llmock llmock = Llmock.newBuilder().config(ROUTED).backend(premium).build()) {
            route(llmock, FixtureRequest.newBuilder().shape(COMPLEX).rule("a").rule("b"));

            assertThat(premium.calls()).hasSize(1);
        }
    }
}

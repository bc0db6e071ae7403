package dev.llmock.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import org.junit.jupiter.api.Test;

class RoutingTest {
    private static final LlmockConfig ROUTED = LlmockConfig.parse("""
            {"backends": [
               {"name": "fast", "provider": "synthetic"},
               {"name": "quality", "provider": "synthetic"},
               {"name": "premium", "provider": "synthetic"}],
             "routing": {"simple": "fast", "medium": "quality", "complex": "premium"}}
            """, "test");
    private static final String SIMPLE = "{\"name\":\"string\"}";
    private static final String MEDIUM = "{\"user\":{\"name\":\"string\",\"address\":{\"street\":\"string\","
            + "\"city\":\"string\",\"zip\":\"string\"},\"orders\":[{\"id\":0,\"total\":0.0}]}}";
    private static final String COMPLEX = "{\"a\":\"string\",\"b\":\"string\",\"c\":\"string\",\"d\":\"string\","
            + "\"e\":\"string\",\"f\":\"string\",\"g\":\"string\",\"h\":\"string\",\"i\":\"string\",\"j\":\"string\","
            + "\"k\":\"string\",\"l\":\"string\",\"m\":{\"n\":{\"o\":[\"string\"]}}}";

    private static JsonNode route(Llmock llmock, FixtureRequest.Builder request) {
        Fixture fixture = llmock.generate(request.backend(FixtureRequest.AUTO).build());
        assertThat(fixture.provenance().backend()).isEqualTo(fixture.provenance().details().at("/routing/backend").asText());
        return fixture.provenance().details().get("routing");
    }

    @Test
    void autoRoutesEachTierToItsConfiguredBackendAndRecordsTheScore() {
        try (Llmock llmock = Llmock.newBuilder().config(ROUTED).build()) {
            JsonNode simple = route(llmock, FixtureRequest.newBuilder().shape(SIMPLE));
            JsonNode medium = route(llmock, FixtureRequest.newBuilder().shape(MEDIUM));
            JsonNode complex = route(llmock, FixtureRequest.newBuilder().shape(COMPLEX).rule("a").rule("b"));

            assertThat(simple.toString()).isEqualTo("{\"score\":1,\"tier\":\"simple\",\"backend\":\"fast\",\"configured\":true}");
            assertThat(medium.toString()).isEqualTo("{\"score\":6,\"tier\":\"medium\",\"backend\":\"quality\",\"configured\":true}");
            assertThat(complex.toString()).isEqualTo("{\"score\":10,\"tier\":\"complex\",\"backend\":\"premium\",\"configured\":true}");
        }
    }

    @Test
    void autoFallsBackToTheDefaultBackendWithoutRoutingConfiguration() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            JsonNode routing = route(llmock, FixtureRequest.newBuilder().shape(MEDIUM));

            assertThat(routing.toString())
                    .isEqualTo("{\"score\":6,\"tier\":\"medium\",\"backend\":\"synthetic\",\"configured\":false}");
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

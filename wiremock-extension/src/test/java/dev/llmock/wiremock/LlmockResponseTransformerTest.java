package dev.llmock.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.cassette.RecordMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmockResponseTransformerTest {
    private static final String USER = "{\"id\":0,\"name\":\"string\",\"email\":\"email\",\"age\":0}";

    @TempDir
    Path dir;

    private WireMockServer server;
    private LlmockWireMock llmock;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        if (llmock != null) {
            llmock.close();
        }
    }

    private WireMockServer start(RecordMode mode) {
        stop();
        llmock = LlmockWireMock.newBuilder().config(LlmockConfig.none()).cassettes(dir).mode(mode)
                .cassette("UserApi").build();
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(llmock.extensions()));
        server.start();
        return server;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private void stubUser() {
        server.stubFor(get(urlPathTemplate("/users/{id}")).willReturn(aResponse()
                .withTransformers(LlmockResponseTransformer.NAME)
                .withTransformerParameter("shape", USER)));
    }

    @Test
    void getAnswersWithGeneratedDataCarryingThePathId() {
        start(RecordMode.RECORD);
        stubUser();

        Http.Reply reply = Http.get(url("/users/42"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        JsonNode user = reply.json();
        assertThat(user.get("id").asInt()).isEqualTo(42);
        assertThat(user.get("email").asText()).contains("@");
        assertThat(Shape.parse(USER).validate(user)).isEmpty();
    }

    @Test
    void withoutAPathTemplateTheLastIdentifierSegmentIsTheId() {
        start(RecordMode.RECORD);
        server.stubFor(get(urlPathEqualTo("/accounts/7/users/1234")).willReturn(aResponse()
                .withTransformers("llmock").withTransformerParameter("shape",
                        "{\"id\":0,\"accountId\":0,\"name\":\"string\"}")));

        JsonNode user = Http.get(url("/accounts/7/users/1234")).json();

        assertThat(user.get("id").asInt()).isEqualTo(1234);
        assertThat(user.get("accountId").asInt()).isEqualTo(7);
    }

    @Test
    void postEchoesWhatItWasSentAndKeepsTheStubbedStatus() {
        start(RecordMode.RECORD);
        server.stubFor(post("/users").willReturn(aResponse().withStatus(201)
                .withTransformers("llmock").withTransformerParameter("shape", USER)));

        Http.Reply reply = Http.send("POST", url("/users"), "{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}",
                "Content-Type", "application/json");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(reply.json().get("email").asText()).isEqualTo("ada@example.com");
        assertThat(reply.json().get("age").isNumber()).isTrue();
    }

    @Test
    void countGivesAnArrayAndShapeResourceAndJsonShapesAreRead() {
        start(RecordMode.RECORD);
        server.stubFor(get("/products").willReturn(aResponse().withTransformers("llmock")
                .withTransformerParameter("shapeResource", "shapes/product.json")
                .withTransformerParameter("count", 3)));
        server.stubFor(get("/tags").willReturn(aResponse().withTransformers("llmock")
                .withTransformerParameter("shape", Map.of("label", "string", "weight", 0))));

        JsonNode products = Http.get(url("/products")).json();
        JsonNode tag = Http.get(url("/tags")).json();

        assertThat(products).hasSize(3);
        assertThat(products.get(2).has("sku")).isTrue();
        assertThat(products.get(2).get("inStock").isBoolean()).isTrue();
        assertThat(tag.get("weight").isIntegralNumber()).isTrue();
    }

    @Test
    void recordedAnswersReplayOfflineAndDifferentQueriesAreDifferentEntries() throws Exception {
        start(RecordMode.RECORD);
        stubUser();
        String first = Http.get(url("/users/42?expand=team&lang=en")).text();
        String again = Http.get(url("/users/42?lang=en&expand=team")).text();
        stop();
        server = null;
        llmock = null;
        assertThat(again).isEqualTo(first);
        assertThat(Files.exists(dir.resolve("UserApi.json"))).isTrue();

        start(RecordMode.REPLAY);
        stubUser();
        Http.Reply replayed = Http.get(url("/users/42?lang=en&expand=team"));
        Http.Reply missing = Http.get(url("/users/42?lang=de&expand=team"));

        assertThat(replayed.text()).isEqualTo(first);
        assertThat(replayed.header("X-Llmock-Source")).isEqualTo("replayed");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/type").asText()).isEqualTo("replay_miss");
        assertThat(missing.json().at("/error/key").asText()).hasSize(64);
        assertThat(missing.text()).doesNotContain("\tat ");
    }

    @Test
    void aMalformedStubShapeAnswers400WithThePosition() {
        start(RecordMode.LIVE);
        server.stubFor(get("/broken").willReturn(aResponse().withTransformers("llmock")
                .withTransformerParameter("shape", "{\"name\":\"string\",}")));

        Http.Reply reply = Http.get(url("/broken"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/type").asText()).isEqualTo("invalid_shape");
        assertThat(reply.json().at("/error/line").asInt()).isEqualTo(1);
        assertThat(reply.json().at("/error/column").asInt()).isGreaterThan(1);
    }

    @Test
    void theTransformerIsAnExtensionServiceWithANoArgumentConstructor() throws Exception {
        assertThat(ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::type))
                .contains(LlmockResponseTransformer.class);
        assertThat(LlmockResponseTransformer.class.getConstructor()).isNotNull();
        assertThat(LlmockMockApi.class.getConstructor()).isNotNull();
    }
}

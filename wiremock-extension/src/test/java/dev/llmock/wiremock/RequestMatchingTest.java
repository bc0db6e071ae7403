package dev.llmock.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.RecordMode;
import dev.llmock.internal.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request whose body carries a fresh id or a timestamp replays the entry recorded for another one, when
 * {@code cassettes.ignore} or the stub's {@code ignore} leaves those parts out of the cassette key. Each test records
 * with one server and replays with a second, as two runs of a build would.
 */
class RequestMatchingTest {
    private static final String ORDER = "{\"orderId\":0,\"requestId\":\"string\",\"sku\":\"string\",\"quantity\":0,"
            + "\"status\":\"placed|shipped\"}";
    private static final String VOLATILE = "{\"cassettes\": {\"ignore\": [\"body.requestId\", \"body.sentAt\","
            + " \"query.ts\", \"header.X-Trace-Id\"]}}";

    @TempDir
    Path dir;

    private WireMockServer server;
    private LlmockWireMock llmock;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (llmock != null) {
            llmock.close();
            llmock = null;
        }
    }

    private void start(LlmockConfig config, RecordMode mode, UnaryOperator<ResponseDefinitionBuilder> stub) {
        stop();
        llmock = LlmockWireMock.newBuilder().config(config).cassettes(dir).mode(mode).cassette("OrdersApi").build();
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(llmock.extensions()));
        server.start();
        server.stubFor(post(urlPathEqualTo("/orders")).willReturn(stub.apply(aResponse()
                .withTransformers(LlmockResponseTransformer.NAME)
                .withTransformerParameter(LlmockResponseTransformer.SHAPE, ORDER))));
    }

    private Http.Reply placeOrder(String path, String requestId, String sentAt, String sku) {
        return Http.send("POST", "http://127.0.0.1:" + server.port() + path, "{\"requestId\":\"" + requestId
                + "\",\"sentAt\":\"" + sentAt + "\",\"sku\":\"" + sku + "\",\"quantity\":2}",
                "Content-Type", "application/json", "X-Trace-Id", UUID.randomUUID().toString());
    }

    private static JsonNode withoutRequestId(JsonNode order) {
        JsonNode copy = order.deepCopy();
        ((ObjectNode) copy).remove("requestId");
        return copy;
    }

    @Test
    void aPostWithAFreshRequestIdAndTimestampReplaysWhenLlmockJsonIgnoresThem() throws Exception {
        LlmockConfig config = LlmockConfig.parse(VOLATILE, "llmock.json");
        start(config, RecordMode.RECORD, UnaryOperator.identity());
        Http.Reply recorded = placeOrder("/orders?ts=1714550400", "req-1111", "2024-05-01T10:00:00Z", "A-1");
        stop();

        start(config, RecordMode.REPLAY, UnaryOperator.identity());
        Http.Reply replayed = placeOrder("/orders?ts=1714636800", "req-2222", "2024-05-02T10:00:00Z", "A-1");

        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
        assertThat(replayed.header("X-Llmock-Source")).isEqualTo("replayed");
        assertThat(withoutRequestId(replayed.json())).isEqualTo(withoutRequestId(recorded.json()));
        assertThat(replayed.json().get("sku").asText()).isEqualTo("A-1");
        assertThat(recorded.json().get("requestId").asText()).isEqualTo("req-1111");
        assertThat(replayed.json().get("requestId").asText()).as("the answer still echoes the request's own id")
                .isEqualTo("req-2222");
        JsonNode entries = Json.MAPPER.readTree(dir.resolve("OrdersApi.json").toFile()).get("entries");
        assertThat(entries.size()).isEqualTo(1);
        JsonNode context = entries.elements().next().path("request").path("context");
        assertThat(context.path("body").has("requestId")).isFalse();
        assertThat(context.path("body").has("sentAt")).isFalse();
        assertThat(context.has("query")).isFalse();
        assertThat(context.path("body").path("sku").asText()).isEqualTo("A-1");
    }

    @Test
    void aFieldThatIsNotIgnoredStillMissesInReplay() {
        LlmockConfig config = LlmockConfig.parse(VOLATILE, "llmock.json");
        start(config, RecordMode.RECORD, UnaryOperator.identity());
        placeOrder("/orders", "req-1111", "2024-05-01T10:00:00Z", "A-1");
        stop();

        start(config, RecordMode.REPLAY, UnaryOperator.identity());
        Http.Reply other = placeOrder("/orders", "req-2222", "2024-05-02T10:00:00Z", "B-2");

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().path("error").path("type").asText()).isEqualTo("replay_miss");
        assertThat(other.json().path("error").path("message").asText()).contains("differs in context.body.sku");
    }

    @Test
    void withoutIgnoreAFreshRequestIdMissesAsBefore() {
        start(LlmockConfig.none(), RecordMode.RECORD, UnaryOperator.identity());
        placeOrder("/orders", "req-1111", "2024-05-01T10:00:00Z", "A-1");
        stop();

        start(LlmockConfig.none(), RecordMode.REPLAY, UnaryOperator.identity());
        Http.Reply replayed = placeOrder("/orders", "req-2222", "2024-05-01T10:00:00Z", "A-1");

        assertThat(replayed.status()).isEqualTo(404);
        assertThat(replayed.json().path("error").path("type").asText()).isEqualTo("replay_miss");
    }

    @Test
    void aStubsIgnoreParameterAsAListLeavesThosePartsOutForThatStub() {
        UnaryOperator<ResponseDefinitionBuilder> ignore = stub -> stub.withTransformerParameter(
                LlmockResponseTransformer.IGNORE, List.of("body.requestId", "body.sentAt"));
        start(LlmockConfig.none(), RecordMode.RECORD, ignore);
        Http.Reply recorded = placeOrder("/orders", "req-1111", "2024-05-01T10:00:00Z", "A-1");
        stop();

        start(LlmockConfig.none(), RecordMode.REPLAY, ignore);
        Http.Reply replayed = placeOrder("/orders", "req-2222", "2024-05-02T10:00:00Z", "A-1");

        assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
        assertThat(withoutRequestId(replayed.json())).isEqualTo(withoutRequestId(recorded.json()));
    }

    @Test
    void aStubsIgnoreParameterAsTextTakesEntriesSeparatedByCommas() {
        UnaryOperator<ResponseDefinitionBuilder> ignore = stub -> stub.withTransformerParameter(
                LlmockResponseTransformer.IGNORE, "body.requestId, body.sentAt, query.ts");
        start(LlmockConfig.none(), RecordMode.RECORD, ignore);
        placeOrder("/orders?ts=1", "req-1111", "2024-05-01T10:00:00Z", "A-1");
        stop();

        start(LlmockConfig.none(), RecordMode.REPLAY, ignore);
        Http.Reply replayed = placeOrder("/orders?ts=2", "req-2222", "2024-05-02T10:00:00Z", "A-1");

        assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
    }

    @Test
    void aBadIgnoreEntryOnAStubIsAnsweredWithTheParameterAndWhatItMustBe() {
        start(LlmockConfig.none(), RecordMode.RECORD, stub -> stub.withTransformerParameter(
                LlmockResponseTransformer.IGNORE, "requestId"));

        Http.Reply reply = placeOrder("/orders", "req-1111", "2024-05-01T10:00:00Z", "A-1");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().path("error").path("message").asText()).isEqualTo("The transformer parameter"
                + " \"ignore\" is \"requestId\", but it must be body.<field path>, query.<name> or header.<name>, such"
                + " as \"body.requestId\", \"query.ts\" or \"header.X-Trace-Id\" (one, several separated by commas,"
                + " or a list).");
    }

    @Test
    void nestedFieldsAndFieldsOfArrayItemsCanBeIgnored() {
        LlmockConfig config = LlmockConfig.parse("{\"cassettes\": {\"ignore\": [\"body.meta.requestId\","
                + " \"body.lines.addedAt\"]}}", "llmock.json");
        start(config, RecordMode.RECORD, UnaryOperator.identity());
        String body = "{\"meta\":{\"requestId\":\"%s\",\"channel\":\"web\"},\"sku\":\"A-1\",\"lines\":"
                + "[{\"sku\":\"A-1\",\"addedAt\":\"%s\"},{\"sku\":\"B-2\",\"addedAt\":\"%s\"}]}";
        String url = "http://127.0.0.1:" + server.port() + "/orders";
        Http.send("POST", url, String.format(body, "r1", "10:00", "10:01"), "Content-Type", "application/json");
        stop();

        start(config, RecordMode.REPLAY, UnaryOperator.identity());
        Http.Reply replayed = Http.send("POST", "http://127.0.0.1:" + server.port() + "/orders",
                String.format(body, "r2", "11:00", "11:05"), "Content-Type", "application/json");

        assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
    }

    @Test
    void theMockApiCatchAllIgnoresTheConfiguredPartsToo() {
        LlmockConfig config = LlmockConfig.parse(VOLATILE, "llmock.json");
        stop();
        llmock = LlmockWireMock.newBuilder().config(config).cassettes(dir).mode(RecordMode.RECORD).build();
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(llmock.extensions()));
        server.start();
        Http.Reply recorded = placeOrder("/api/mock/orders?ts=1", "req-1111", "2024-05-01T10:00:00Z", "A-1");
        stop();
        llmock = LlmockWireMock.newBuilder().config(config).cassettes(dir).mode(RecordMode.REPLAY).build();
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(llmock.extensions()));
        server.start();

        Http.Reply replayed = placeOrder("/api/mock/orders?ts=2", "req-2222", "2024-05-02T10:00:00Z", "A-1");

        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
        assertThat(replayed.header("X-Llmock-Source")).isEqualTo("replayed");
        assertThat(replayed.json().get("requestId").asText()).isEqualTo("req-2222");
        assertThat(replayed.json().get("sku").asText()).isEqualTo("A-1");
    }
}

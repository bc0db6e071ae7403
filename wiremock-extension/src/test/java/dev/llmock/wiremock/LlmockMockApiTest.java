package dev.llmock.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.llmock.wiremock.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmockMockApiTest {
    private static final String PRODUCT = "{\"sku\":\"string\",\"price\":0.0}";

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

    private void start(LlmockConfig config, RecordMode mode) {
        start(LlmockWireMock.newBuilder().config(config).cassettes(dir).mode(mode).cassette("MockApi"));
    }

    private void start(LlmockWireMock.Builder builder) {
        stop();
        llmock = builder.build();
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(50).extensions(llmock.extensions()));
        server.start();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + LlmockMockApi.PATH_PREFIX + path;
    }

    private static Set<String> fields(JsonNode json) {
        Set<String> names = new HashSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static LlmockConfig config(String json) {
        return LlmockConfig.parse(json, "test llmock.json");
    }

    @Test
    void shapeComesFromTheQueryTheHeaderOrTheBodyInThatOrder() {
        start(LlmockConfig.none(), RecordMode.LIVE);
        String header = "{\"title\":\"string\"}";
        String body = "{\"shape\":{\"headline\":\"string\"}}";

        JsonNode all = Http.send("POST", url("/things?shape=" + encode(PRODUCT)), body,
                "X-Response-Shape", header).json();
        JsonNode headerAndBody = Http.send("POST", url("/things"), body, "X-Response-Shape", header).json();
        JsonNode bodyOnly = Http.send("POST", url("/things"), body).json();

        assertThat(fields(all)).containsExactlyInAnyOrder("sku", "price");
        assertThat(fields(headerAndBody)).containsExactly("title");
        assertThat(fields(bodyOnly)).containsExactly("headline");
    }

    @Test
    void jsonSchemaShapesAreDetected() {
        start(LlmockConfig.none(), RecordMode.LIVE);
        String schema = "{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\"},"
                + "\"qty\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":9}},\"required\":[\"code\",\"qty\"]}";

        JsonNode json = Http.get(url("/stock"), "X-Response-Shape", schema).json();

        assertThat(json.get("code").isTextual()).isTrue();
        assertThat(json.get("qty").asInt()).isBetween(1, 9);
    }

    @Test
    void backendComesFromTheHeaderOrTheQueryAndUnknownNamesAreListed() {
        start(config("{\"backends\":[{\"name\":\"fast\",\"provider\":\"synthetic\"}]}"), RecordMode.LIVE);

        Http.Reply byHeader = Http.get(url("/users/1?shape=" + encode("{\"id\":0}")), "X-LLM-Backend", "fast");
        Http.Reply unknown = Http.get(url("/users/1?shape=" + encode("{\"id\":0}")), "X-LLM-Backend", "smart");
        Http.Reply unknownByQuery = Http.get(url("/users/1?backend=smart"));

        assertThat(byHeader.status()).isEqualTo(200);
        assertThat(byHeader.json().get("id").asInt()).isEqualTo(1);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/type").asText()).isEqualTo("unknown_backend");
        assertThat(unknown.json().at("/error/message").asText()).isEqualTo("No backend named \"smart\" (from the"
                + " header X-LLM-Backend) in test llmock.json; configured: [fast, synthetic]. Use one of those names,"
                + " or add it to \"backends\".");
        assertThat(unknown.json().at("/error/configured").toString()).isEqualTo("[\"fast\",\"synthetic\"]");
        assertThat(unknownByQuery.json().at("/error/message").asText()).contains("the query parameter ?backend=");
    }

    @Test
    void errorsAreSimulatedFromTheQueryOrTheHeaders() {
        start(LlmockConfig.none(), RecordMode.LIVE);

        Http.Reply byQuery = Http.get(url("/orders?error=503&errorMessage=" + encode("Down for maintenance")));
        Http.Reply byHeaders = Http.get(url("/orders"), "X-Error-Code", "429", "X-Error-Message", "Slow down");
        Http.Reply defaultMessage = Http.get(url("/orders?error=404"));
        Http.Reply notACode = Http.get(url("/orders?error=oops"));
        Http.Reply interim = Http.get(url("/orders?error=100"));
        Http.Reply redirect = Http.get(url("/orders"), "X-Error-Code", "302");

        assertThat(byQuery.status()).isEqualTo(503);
        assertThat(byQuery.json().at("/error/code").asInt()).isEqualTo(503);
        assertThat(byQuery.json().at("/error/message").asText()).isEqualTo("Down for maintenance");
        assertThat(byHeaders.status()).isEqualTo(429);
        assertThat(byHeaders.json().at("/error/message").asText()).isEqualTo("Slow down");
        assertThat(defaultMessage.json().at("/error/message").asText()).isEqualTo("Simulated error 404 (Not Found).");
        assertThat(notACode.status()).isEqualTo(400);
        assertThat(notACode.json().at("/error/message").asText()).isEqualTo("The simulated error code \"oops\""
                + " (from the query parameter ?error=) is not an HTTP error status; expected a whole number from 400"
                + " to 599, e.g. ?error=503.");
        assertThat(interim.status()).isEqualTo(400);
        assertThat(interim.json().at("/error/message").asText()).isEqualTo("The simulated error code \"100\""
                + " (from the query parameter ?error=) is not an HTTP error status; expected a whole number from 400"
                + " to 599, e.g. ?error=503.");
        assertThat(redirect.status()).isEqualTo(400);
        assertThat(redirect.json().at("/error/message").asText()).startsWith("The simulated error code \"302\""
                + " (from the header X-Error-Code) is not an HTTP error status");
    }

    @Test
    void cacheVariantsAreServedInTurn() {
        start(LlmockConfig.none(), RecordMode.RECORD);
        String shape = encode("{\"$cache\":3,\"name\":\"string\",\"score\":0}");

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(Http.get(url("/players?shape=" + shape)).text());
        }

        assertThat(new HashSet<>(answers.subList(0, 3))).hasSize(3);
        assertThat(answers.get(3)).isEqualTo(answers.get(0));
    }

    @Test
    void withoutAShapeThePathKeepsTheStructureItFirstAnswered() {
        start(LlmockConfig.none(), RecordMode.LIVE);

        JsonNode first = Http.get(url("/products/1?shape=" + encode(PRODUCT))).json();
        JsonNode second = Http.get(url("/products/2")).json();
        JsonNode fresh = Http.get(url("/users/42")).json();
        JsonNode list = Http.get(url("/customers")).json();

        assertThat(fields(first)).containsExactlyInAnyOrder("sku", "price");
        assertThat(fields(second)).containsExactlyInAnyOrder("sku", "price");
        assertThat(fresh.get("id").asInt()).isEqualTo(42);
        assertThat(fresh.has("name")).isTrue();
        assertThat(list.isArray()).isTrue();
    }

    @Test
    void aPostWithoutAShapeEchoesItsBodyWithAnId() {
        start(LlmockConfig.none(), RecordMode.LIVE);

        JsonNode created = Http.send("POST", url("/users"),
                "{\"name\":\"Grace Hopper\",\"rank\":\"admiral\",\"tags\":[\"navy\"],\"age\":85}",
                "Content-Type", "application/json").json();

        assertThat(created.get("name").asText()).isEqualTo("Grace Hopper");
        assertThat(created.get("rank").asText()).isEqualTo("admiral");
        assertThat(created.get("age").asInt()).isEqualTo(85);
        assertThat(created.get("id").isIntegralNumber()).isTrue();
    }

    @Test
    void anInvalidShapeAnswers400WithTheParsePosition() {
        start(LlmockConfig.none(), RecordMode.LIVE);

        Http.Reply reply = Http.get(url("/users"), "X-Response-Shape", "{\"name\":\"string\" \"age\":0}");

        assertThat(reply.status()).isEqualTo(400);
        JsonNode error = reply.json().get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_shape");
        assertThat(error.get("source").asText()).isEqualTo("the header X-Response-Shape");
        assertThat(error.get("line").asInt()).isEqualTo(1);
        assertThat(error.get("column").asInt()).isEqualTo(18);
        assertThat(error.get("message").asText()).startsWith("The shape from the header X-Response-Shape is invalid."
                + " Malformed shape at line 1, column 18");
        assertThat(reply.text()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anInvalidShapeIsRefusedEveryTimeItIsSentAndAValidOneAfterItIsAnswered() {
        start(LlmockConfig.none(), RecordMode.LIVE);
        String invalid = encode("{\"name\":\"string\" \"age\":0}");

        Http.Reply first = Http.get(url("/users?shape=" + invalid));
        Http.Reply second = Http.get(url("/users?shape=" + invalid));
        Http.Reply valid = Http.get(url("/users?shape=" + encode(PRODUCT)));

        assertThat(first.status()).isEqualTo(400);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.json().get("error").get("source").asText()).isEqualTo("the query parameter ?shape=");
        assertThat(valid.status()).isEqualTo(200);
        assertThat(fields(valid.json())).containsExactlyInAnyOrder("sku", "price");
    }

    @Test
    void malformedAndOversizedBodiesAreRefusedInJson() {
        start(LlmockWireMock.newBuilder().config(LlmockConfig.none()).cassettes(dir).mode(RecordMode.LIVE)
                .maxBodyBytes(1000));

        Http.Reply malformed = Http.send("POST", url("/users"), "{\"name\": \"Ada\",", "Content-Type",
                "application/json");
        Http.Reply oversized = Http.send("POST", url("/users"), "{\"bio\":\"" + "x".repeat(2000) + "\"}");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/error/type").asText()).isEqualTo("invalid_json");
        assertThat(malformed.json().at("/error/message").asText()).startsWith("The request body is not valid JSON at"
                + " line 1, column ");
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.json().at("/error/message").asText()).isEqualTo("The request body has 2010 bytes, more"
                + " than the limit of 1000 bytes. Send a smaller body, or raise the limit (maxBodyBytes).");
    }

    @Test
    void aFailingBackendAnswers502NamingIt() {
        int port = Http.closedPort();
        start(config("{\"retry\":{\"maxAttempts\":1},\"backends\":[{\"name\":\"remote\",\"provider\":\"openai\","
                + "\"baseUrl\":\"http://127.0.0.1:" + port + "/v1\",\"model\":\"m\",\"apiKey\":\"k\"}]}"),
                RecordMode.LIVE);

        Http.Reply reply = Http.get(url("/users/1?shape=" + encode("{\"id\":0}")));

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().at("/error/type").asText()).isEqualTo("backend_failure");
        assertThat(reply.json().at("/error/backend").asText()).isEqualTo("remote");
        assertThat(reply.json().at("/error/message").asText()).startsWith("The backend \"remote\" failed: ");
    }

    @Test
    void inReplayRepeatedRequestsGetTheSameAnswerAndCacheVariantsStillTurn() {
        String players = "/players?shape=" + encode("{\"$cache\":3,\"name\":\"string\",\"score\":0}");
        String product = "/products/7?shape=" + encode(PRODUCT);
        start(LlmockConfig.none(), RecordMode.RECORD);
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            recorded.add(Http.get(url(players)).text());
        }
        String recordedProduct = Http.get(url(product)).text();
        stop();

        start(LlmockConfig.none(), RecordMode.REPLAY);
        List<String> replayed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replayed.add(Http.get(url(players)).text());
        }
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            products.add(Http.get(url(product)).text());
        }

        assertThat(replayed).containsExactly(recorded.get(0), recorded.get(1), recorded.get(2), recorded.get(0),
                recorded.get(1), recorded.get(2));
        assertThat(products).containsOnly(recordedProduct);
    }

    @Test
    void recordedAnswersReplayOfflineAgainstAnUnreachableBackend() {
        start(config("{\"backends\":[{\"name\":\"main\",\"provider\":\"synthetic\"}]}"), RecordMode.RECORD);
        String user = Http.get(url("/users/42?shape=" + encode("{\"id\":0,\"name\":\"string\"}"))).text();
        String created = Http.send("POST", url("/users"), "{\"name\":\"Ada\"}").text();
        stop();

        int port = Http.closedPort();
        start(config("{\"backends\":[{\"name\":\"main\",\"provider\":\"openai\",\"baseUrl\":\"http://127.0.0.1:"
                + port + "/v1\",\"model\":\"m\",\"apiKey\":\"k\"}]}"), RecordMode.REPLAY);
        Http.Reply replayedUser = Http.get(url("/users/42?shape=" + encode("{\"id\":0,\"name\":\"string\"}")));
        Http.Reply replayedPost = Http.send("POST", url("/users"), "{\"name\":\"Ada\"}");
        Http.Reply miss = Http.get(url("/users/43?shape=" + encode("{\"id\":0,\"name\":\"string\"}")));

        assertThat(replayedUser.text()).isEqualTo(user);
        assertThat(replayedUser.header("X-Llmock-Source")).isEqualTo("replayed");
        assertThat(replayedPost.text()).isEqualTo(created);
        assertThat(miss.status()).isEqualTo(404);
        assertThat(miss.json().at("/error/type").asText()).isEqualTo("replay_miss");
        assertThat(miss.json().at("/error/message").asText()).contains(miss.json().at("/error/key").asText());
    }

    @Test
    void twoHundredConcurrentRequestsAllSucceedAndAreAllRecorded() throws Exception {
        start(LlmockConfig.none(), RecordMode.RECORD);
        String shape = encode("{\"id\":0,\"name\":\"string\",\"email\":\"email\"}");

        List<CompletableFuture<Http.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            replies.add(Http.sendAsync("GET", url("/items/" + i + "?shape=" + shape), null));
        }
        CompletableFuture.allOf(replies.toArray(new CompletableFuture<?>[0])).get(120, java.util.concurrent.TimeUnit.SECONDS);
        Path file = llmock.cassette().path();
        stop();

        for (int i = 0; i < 200; i++) {
            Http.Reply reply = replies.get(i).get();
            assertThat(reply.status()).as("status of request %d: %s", i, reply.text()).isEqualTo(200);
            assertThat(reply.json().get("id").asInt()).isEqualTo(i);
        }
        assertThat(Cassettes.stats(file).entries()).isEqualTo(200);
    }

    @Test
    void ofLlmocksOwnStubsTheCatchAllIsTriedFirstBeforeAndAfterAReset() {
        start(LlmockConfig.none(), RecordMode.LIVE);
        List<String> before = llmockStubNames();
        server.resetAll();

        assertThat(before).containsExactly("llmock mock API (/api/mock/**)", "llmock API contexts (/api/contexts/**)",
                "llmock GraphQL (/graphql)");
        assertThat(llmockStubNames()).isEqualTo(before);
    }

    /** llmock's stubs in the order WireMock tries them (priority, then the newest first). */
    private List<String> llmockStubNames() {
        List<String> names = new ArrayList<>();
        server.listAllStubMappings().getMappings().forEach(stub -> {
            if (stub.getName() != null && stub.getName().startsWith("llmock ")) {
                names.add(stub.getName());
            }
        });
        return names;
    }

    @Test
    void ownStubsWinAndTheCatchAllSurvivesAReset() {
        start(LlmockConfig.none(), RecordMode.LIVE);
        server.stubFor(get("/api/mock/health").willReturn(okJson("{\"up\":true}")));

        assertThat(Http.get(url("/health")).text()).isEqualTo("{\"up\":true}");
        server.resetAll();
        assertThat(Http.get(url("/health")).status()).isEqualTo(200);
        assertThat(Http.get(url("/health")).json().has("up")).isFalse();
    }
}

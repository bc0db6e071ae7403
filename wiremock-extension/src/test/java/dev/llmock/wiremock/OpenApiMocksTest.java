package dev.llmock.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import dev.llmock.openapi.OpenApiException;
import dev.llmock.openapi.OpenApiSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class OpenApiMocksTest {
    private static final String STORE = "openapi/store.yaml";
    private static final OpenApiSpec SPEC = OpenApiSpec.load(STORE);

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
        stop();
        llmock = LlmockWireMock.newBuilder().config(config).cassettes(dir).mode(mode).cassette("Store")
                .openApi(STORE).build();
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(llmock.extensions()));
        server.start();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static Shape successShape(String operation) {
        return SPEC.operation(operation).success().preferred().orElseThrow().shape();
    }

    @Test
    void everyOperationAnswersUnderTheServersBasePathWithItsDocumentedStatusMediaTypeAndSchema() {
        start(LlmockConfig.none(), RecordMode.LIVE);

        Http.Reply order = Http.get(url("/store/v1/orders/7"));
        Http.Reply created = Http.send("POST", url("/store/v1/orders"),
                "{\"customerEmail\":\"ada@example.com\",\"items\":[{\"sku\":\"SKU-12\",\"quantity\":3}]}",
                "Content-Type", "application/json");
        Http.Reply listed = Http.get(url("/store/v1/orders?limit=5&status=paid"));
        Http.Reply mine = Http.get(url("/store/v1/orders/mine"));
        Http.Reply cancelled = Http.send("DELETE", url("/store/v1/orders/7"), null);
        Http.Reply receipt = Http.get(url("/store/v1/orders/7/receipt"));

        assertThat(order.status()).isEqualTo(200);
        assertThat(order.header("Content-Type")).isEqualTo("application/vnd.store.order+json");
        assertThat(successShape("getOrder").validate(order.json())).isEmpty();
        assertThat(order.json().get("id").asLong()).as("the path id lands on id").isEqualTo(7);
        assertThat(order.json().get("channel").asText()).as("the synthetic backend takes the example")
                .isEqualTo("web-shop");
        assertThat(order.json().get("reference").asText()).as("and the value in the response's example")
                .isEqualTo("ORD-2024-0007");
        assertThat(created.status()).isEqualTo(201);
        assertThat(successShape("createOrder").validate(created.json())).isEmpty();
        assertThat(created.json().get("customerEmail").asText()).isEqualTo("ada@example.com");
        assertThat(created.json().at("/items/0/sku").asText()).isEqualTo("SKU-12");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(successShape("listOrders").validate(listed.json())).isEmpty();
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().isArray()).as("/orders/mine is its own operation, not getOrder").isTrue();
        assertThat(cancelled.status()).isEqualTo(204);
        assertThat(cancelled.text()).isEmpty();
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.header("Content-Type")).isEqualTo("text/plain");
        assertThat(receipt.text()).isNotBlank().doesNotStartWith("\"");
    }

    @Test
    void aBodyThatDoesNotFitGetsTheDescriptions422ShapeSayingWhatIsWrong() {
        start(LlmockConfig.none(), RecordMode.LIVE);

        Http.Reply rejected = Http.send("POST", url("/store/v1/orders"),
                "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}", "Content-Type", "application/json");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = rejected.json();
        assertThat(SPEC.operation("createOrder").response(422).orElseThrow().preferred().orElseThrow().shape()
                .validate(body)).isEmpty();
        assertThat(body.get("status").asInt()).isEqualTo(422);
        assertThat(body.get("message").asText()).isEqualTo("The request does not fit operation createOrder"
                + " (POST /store/v1/orders): 1 problem. /customerEmail: missing required property \"customerEmail\"");
    }

    @Test
    void withoutADocumented400Or422ABadRequestGetsAProblemDocumentNamingEachViolation() {
        start(LlmockConfig.none(), RecordMode.LIVE);

        Http.Reply body = Http.send("PUT", url("/store/v1/orders/7"),
                "{\"customerEmail\":5,\"items\":[{\"sku\":\"SKU-1\",\"quantity\":0}],\"status\":\"open\"}",
                "Content-Type", "application/json");
        Http.Reply parameters = Http.get(url("/store/v1/orders?limit=500&status=lost"));
        Http.Reply path = Http.get(url("/store/v1/orders/abc"));
        Http.Reply malformed = Http.send("PUT", url("/store/v1/orders/7"), "{\"status\":", "Content-Type",
                "application/json");

        assertThat(body.status()).isEqualTo(400);
        assertThat(body.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(body.json().get("title").asText()).isEqualTo("Bad Request");
        assertThat(body.json().get("detail").asText()).isEqualTo("The request does not fit operation replaceOrder"
                + " (PUT /store/v1/orders/{orderId}): 2 problems.");
        assertThat(body.json().get("instance").asText()).isEqualTo("/store/v1/orders/7");
        assertThat(body.json().get("errors").findValuesAsText("pointer"))
                .containsExactly("/customerEmail", "/items/0/quantity");
        assertThat(parameters.status()).isEqualTo(400);
        assertThat(parameters.json().get("errors").findValuesAsText("parameter")).containsExactly("limit", "status");
        assertThat(parameters.json().get("errors").findValuesAsText("in")).containsOnly("query");
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.json().at("/errors/0/parameter").asText()).isEqualTo("orderId");
        assertThat(path.json().at("/errors/0/in").asText()).isEqualTo("path");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/errors/0/detail").asText()).startsWith("The request body is not valid JSON");
    }

    @Test
    void aFormBodyIsCheckedAsTheFormItIsAndAnUndocumentedMediaTypeIs415() {
        start(LlmockConfig.none(), RecordMode.LIVE);
        String form = "application/x-www-form-urlencoded";

        Http.Reply found = Http.send("POST", url("/store/v1/searches"), "q=lamps&rows=5", "Content-Type", form);
        Http.Reply missing = Http.send("POST", url("/store/v1/searches"), "rows=500", "Content-Type", form);
        Http.Reply xml = Http.send("POST", url("/store/v1/searches"), "<q/>", "Content-Type", "application/xml");

        assertThat(found.status()).isEqualTo(200);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsText("pointer")).containsExactly("/q", "/rows");
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.json().get("detail").asText()).isEqualTo("Operation search (POST /store/v1/searches) takes"
                + " application/x-www-form-urlencoded, not application/xml. Send the body with one of those"
                + " Content-Types.");
    }

    @Test
    void theBackendHeaderPicksTheBackendAndAnUnknownOneIsAProblem() {
        start(LlmockConfig.parse("{\"backends\":[{\"name\":\"fake\",\"provider\":\"synthetic\"}]}",
                "test llmock.json"), RecordMode.LIVE);

        Http.Reply named = Http.get(url("/store/v1/orders/7"), "X-LLM-Backend", "fake");
        Http.Reply unknown = Http.get(url("/store/v1/orders/7"), "X-LLM-Backend", "ghost");

        assertThat(named.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(unknown.json().get("detail").asText()).contains("ghost");
    }

    @Test
    void anOperationWhoseResponseSchemaCannotBeGeneratedAnswers500SayingWhyAndTheOthersStillWork() throws Exception {
        Path spec = Files.writeString(dir.resolve("odd.yaml"), """
                openapi: 3.0.0
                info: {title: Odd, version: 1.0.0}
                paths:
                  /never:
                    get:
                      operationId: never
                      responses: {'200': {description: nothing fits, content: {application/json: {schema: {not: {}}}}}}
                  /broken:
                    get:
                      operationId: broken
                      responses: {'200': {description: a bad pattern, content: {application/json: {schema: {type: string, pattern: '(' }}}}}
                  /fine:
                    get:
                      operationId: fine
                      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {ok: {type: boolean}}}}}}}
                """);
        stop();
        llmock = LlmockWireMock.newBuilder().config(LlmockConfig.none()).cassettes(dir).mode(RecordMode.LIVE)
                .openApi(spec.toString()).build();
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(llmock.extensions()));
        server.start();

        Http.Reply never = Http.get(url("/never"));
        Http.Reply broken = Http.get(url("/broken"));

        assertThat(never.status()).isEqualTo(500);
        assertThat(never.json().get("detail").asText()).startsWith("llmock cannot generate the response of never"
                + " (GET /never) from its schema: ").endsWith(" Simplify that schema in the description, or stub"
                + " this operation yourself.");
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.json().get("detail").asText()).startsWith("llmock cannot generate the response of broken"
                + " (GET /broken) from its schema: The JSON Schema cannot be read: ");
        assertThat(Http.get(url("/fine")).status()).isEqualTo(200);
        assertThat(llmock.openApiOperations()).element(1).asString()
                .endsWith("[answers 500: its schema cannot be generated]");
    }

    @Test
    void pathsNoOperationTakesAreJson404AndOtherMethodsJson405() {
        start(LlmockConfig.none(), RecordMode.LIVE);

        Http.Reply unknown = Http.get(url("/store/v1/customers"));
        Http.Reply patch = Http.send("PATCH", url("/store/v1/orders/7"), "{}", "Content-Type", "application/json");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(unknown.json().get("detail").asText()).startsWith("No operation of the OpenAPI description answers"
                + " GET /store/v1/customers. Served: GET /store/v1/orders, POST /store/v1/orders, ");
        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.header("Allow")).isEqualTo("DELETE, GET, PUT");
        assertThat(patch.json().get("detail").asText()).isEqualTo("/store/v1/orders/7 takes DELETE, GET, PUT,"
                + " not PATCH.");
    }

    @Test
    void answersReplayByteForByteWithTheBackendUnreachable() {
        List<String> requests = List.of("/store/v1/orders/7", "/store/v1/orders?limit=3", "/store/v1/orders/mine",
                "/store/v1/orders/9/receipt");
        start(LlmockConfig.none(), RecordMode.RECORD);
        List<String> recorded = new ArrayList<>();
        requests.forEach(path -> recorded.add(Http.get(url(path)).text()));
        String created = Http.send("POST", url("/store/v1/orders"), "{\"customerEmail\":\"a@b.co\","
                + "\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}", "Content-Type", "application/json").text();
        String rejected = Http.send("POST", url("/store/v1/orders"), "{}", "Content-Type", "application/json").text();

        int port = Http.closedPort();
        start(LlmockConfig.parse("{\"backends\":[{\"name\":\"main\",\"provider\":\"openai\",\"baseUrl\":"
                + "\"http://127.0.0.1:" + port + "/v1\",\"model\":\"m\",\"apiKey\":\"k\"}]}", "test llmock.json"),
                RecordMode.REPLAY);
        List<Http.Reply> replayed = new ArrayList<>();
        requests.forEach(path -> replayed.add(Http.get(url(path))));

        assertThat(replayed).extracting(Http.Reply::text).containsExactlyElementsOf(recorded);
        assertThat(replayed).extracting(reply -> reply.header("X-Llmock-Source")).containsOnly("replayed");
        assertThat(Http.send("POST", url("/store/v1/orders"), "{\"customerEmail\":\"a@b.co\","
                + "\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}", "Content-Type", "application/json").text())
                .isEqualTo(created);
        assertThat(Http.send("POST", url("/store/v1/orders"), "{}", "Content-Type", "application/json").text())
                .isEqualTo(rejected);
    }

    @Test
    void aTestsOwnStubWinsAndTheOperationsComeBackAfterAReset() {
        start(LlmockConfig.none(), RecordMode.LIVE);
        server.stubFor(get(urlPathEqualTo("/store/v1/orders/7")).willReturn(okJson("{\"id\":7,\"mine\":true}")));

        JsonNode own = Http.get(url("/store/v1/orders/7")).json();
        server.resetAll();
        Http.Reply afterReset = Http.get(url("/store/v1/orders/7"));

        assertThat(own.get("mine").asBoolean()).isTrue();
        assertThat(afterReset.status()).isEqualTo(200);
        assertThat(successShape("getOrder").validate(afterReset.json())).isEmpty();
    }

    static class StoreTestCase {
        static final List<String> BODIES = new CopyOnWriteArrayList<>();

        @RegisterExtension
        static LlmockWireMockExtension api = LlmockWireMockExtension.newInstance().config(LlmockConfig.none())
                .openApi(STORE).build();

        @Test
        void findsAnOrder() {
            Http.Reply order = Http.get(api.url("/store/v1/orders/42"));
            assertThat(order.status()).isEqualTo(200);
            assertThat(successShape("getOrder").validate(order.json())).isEmpty();
            BODIES.add(order.text());
        }

        @Test
        void placesAnOrder() {
            Http.Reply created = Http.send("POST", api.url("/store/v1/orders"), "{\"customerEmail\":\"ada@example.com\","
                    + "\"items\":[{\"sku\":\"SKU-3\",\"quantity\":1}]}", "Content-Type", "application/json");
            assertThat(created.status()).isEqualTo(201);
            BODIES.add(created.text());
        }
    }

    @Test
    void theJUnitExtensionStubsEveryOperationAndReplaysWhatATestClassRecorded() {
        StoreTestCase.BODIES.clear();

        EngineExecutionResults recording = run(StoreTestCase.class, "record");
        EngineExecutionResults replaying = run(StoreTestCase.class, "replay");

        recording.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        replaying.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Cassettes.stats(dir.resolve(StoreTestCase.class.getName() + ".json")).entries()).isEqualTo(2);
        assertThat(StoreTestCase.BODIES.subList(2, 4)).containsExactlyInAnyOrderElementsOf(
                StoreTestCase.BODIES.subList(0, 2));
    }

    private EngineExecutionResults run(Class<?> testCase, String mode) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("llmock.cassettes.dir", dir.toString())
                .configurationParameter("llmock.mode", mode)
                .selectors(selectClass(testCase))
                .execute();
    }

    @Test
    void anotherBasePathMovesEveryOperationAndTwoDescriptionsAtOnePathAreRefused() {
        stop();
        llmock = LlmockWireMock.newBuilder().config(LlmockConfig.none()).cassettes(dir).mode(RecordMode.LIVE)
                .openApi(STORE, "/shop").build();
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(llmock.extensions()));
        server.start();

        assertThat(Http.get(url("/shop/orders/7")).status()).isEqualTo(200);
        assertThat(llmock.openApiOperations()).first()
                .isEqualTo("GET /shop/orders -> 200 application/json (listOrders, openapi/store.yaml)");
        assertThatThrownBy(() -> LlmockWireMock.newBuilder().config(LlmockConfig.none()).cassettes(dir)
                .openApi(STORE).openApi(STORE).build())
                .isInstanceOf(OpenApiException.class)
                .hasMessage("GET /store/v1/orders is served by both listOrders (GET /store/v1/orders) of"
                        + " openapi/store.yaml and listOrders (GET /store/v1/orders) of openapi/store.yaml. Give one"
                        + " of the descriptions another base path (openApi(location, \"/other\"), or --openapi"
                        + " /other=openapi/store.yaml).");
    }
}

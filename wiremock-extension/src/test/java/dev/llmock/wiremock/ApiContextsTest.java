package dev.llmock.wiremock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.llmock.wiremock.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.RecordMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiContextsTest {
    private static final String ORDER = "{\"id\":0,\"customerId\":0,\"customerName\":\"string\",\"total\":0.0}";

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

    private void start(LlmockWireMock.Builder builder) {
        stop();
        llmock = builder.build();
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(llmock.extensions()));
        server.start();
    }

    private void start(RecordMode mode) {
        start(LlmockWireMock.newBuilder().config(LlmockConfig.none()).cassettes(dir).mode(mode).cassette("Contexts"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private String mock(String path) {
        return url(LlmockMockApi.PATH_PREFIX + path);
    }

    @Test
    void anEntityCreatedByPostIsReturnedByALaterGetOfItsIdInTheSameContext() {
        start(RecordMode.LIVE);

        JsonNode created = Http.send("POST", mock("/users?context=shop"), "{\"name\":\"Ada Lovelace\"}",
                "Content-Type", "application/json").json();
        String id = created.get("id").asText();
        Http.Reply fetched = Http.get(mock("/users/" + id + "?context=shop"));
        Http.Reply elsewhere = Http.get(mock("/users/" + id + "?context=other"));

        assertThat(created.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(fetched.json()).isEqualTo(created);
        assertThat(fetched.header("X-Llmock-Source")).isEqualTo("context");
        assertThat(elsewhere.json().get("name").asText()).isNotEqualTo("Ada Lovelace");
        assertThat(elsewhere.header("X-Llmock-Source")).isEqualTo("generated");
    }

    @Test
    void theHeaderNamesTheContextAndListsShowCreatedEntitiesAndStayTheSame() {
        start(RecordMode.LIVE);

        JsonNode created = Http.send("POST", mock("/users"), "{\"name\":\"Grace Hopper\"}", "X-Api-Context", "navy")
                .json();
        JsonNode firstList = Http.get(mock("/users"), "X-Api-Context", "navy").json();
        Http.Reply secondList = Http.get(mock("/users"), "X-Api-Context", "navy");
        JsonNode listed = firstList.get(firstList.size() - 1);
        JsonNode fetchedFromList = Http.get(mock("/users/" + listed.get("id").asText()), "X-Api-Context", "navy")
                .json();

        assertThat(firstList).contains(created);
        assertThat(firstList.size()).isGreaterThan(1);
        assertThat(firstList.findValuesAsText("id")).doesNotHaveDuplicates();
        assertThat(secondList.json()).isEqualTo(firstList);
        assertThat(secondList.header("X-Llmock-Source")).isEqualTo("context");
        assertThat(fetchedFromList).isEqualTo(listed);
    }

    @Test
    void generatedRecordsReferToTheEntitiesTheContextKnows() {
        start(RecordMode.LIVE);

        JsonNode customer = Http.send("POST", mock("/customers?context=shop"), "{\"name\":\"Ada\"}").json();
        JsonNode order = Http.get(mock("/orders/5?context=shop&shape=" + encode(ORDER))).json();
        JsonNode orders = Http.get(mock("/orders?context=shop&shape=" + encode("[" + ORDER + "]"))).json();
        JsonNode outside = Http.get(mock("/orders/5?shape=" + encode(ORDER))).json();

        assertThat(order.get("id").asInt()).isEqualTo(5);
        assertThat(order.get("customerId")).isEqualTo(customer.get("id"));
        assertThat(order.get("customerName").asText()).isEqualTo("Ada");
        assertThat(orders).allSatisfy(each -> assertThat(each.get("customerId")).isEqualTo(customer.get("id")));
        assertThat(outside.get("customerName").asText()).isNotEqualTo("Ada");
    }

    @Test
    void patchUpdatesAKnownEntityAndDeleteRemovesIt() {
        start(RecordMode.LIVE);
        JsonNode created = Http.send("POST", mock("/users?context=shop"), "{\"name\":\"Ada\",\"email\":\"ada@old.org\"}")
                .json();
        String item = "/users/" + created.get("id").asText() + "?context=shop";

        JsonNode patched = Http.send("PATCH", mock(item), "{\"email\":\"ada@new.org\"}").json();
        JsonNode fetched = Http.get(mock(item)).json();
        Http.Reply deleted = Http.send("DELETE", mock(item), null);
        Http.Reply gone = Http.get(mock(item));
        JsonNode list = Http.get(mock("/users?context=shop")).json();

        assertThat(patched.get("email").asText()).isEqualTo("ada@new.org");
        assertThat(patched.get("name").asText()).isEqualTo("Ada");
        assertThat(fetched).isEqualTo(patched);
        assertThat(deleted.json()).isEqualTo(patched);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/error/type").asText()).isEqualTo("not_found");
        assertThat(gone.json().at("/error/message").asText()).isEqualTo("The entity /users/" + created.get("id").asText()
                + " was deleted in the API context \"shop\". Create it again with POST or PUT, or clear the context"
                + " (DELETE /api/contexts/shop).");
        assertThat(list.findValuesAsText("name")).doesNotContain("Ada");
    }

    @Test
    void contextsAreListedShownAndClearedOnLlmockApisRoutes() {
        start(RecordMode.LIVE);
        Http.send("POST", mock("/users?context=alpha"), "{\"name\":\"Ada\"}");
        Http.get(mock("/products/3?context=beta"));

        JsonNode list = Http.get(url("/api/contexts")).json();
        JsonNode alpha = Http.get(url("/api/contexts/alpha")).json();
        JsonNode deleted = Http.send("DELETE", url("/api/contexts/alpha"), null).json();
        Http.Reply missing = Http.get(url("/api/contexts/alpha"));
        JsonNode cleared = Http.send("DELETE", url("/api/contexts"), null).json();
        JsonNode empty = Http.get(url("/api/contexts")).json();

        assertThat(list.get("count").asInt()).isEqualTo(2);
        assertThat(list.get("contexts").findValuesAsText("name")).containsExactly("alpha", "beta");
        assertThat(list.at("/contexts/0/totalCalls").asInt()).isEqualTo(1);
        assertThat(alpha.at("/entities/~1users/0/name").asText()).isEqualTo("Ada");
        assertThat(alpha.at("/recentCalls/0/method").asText()).isEqualTo("POST");
        assertThat(alpha.at("/recentCalls/0/path").asText()).isEqualTo("/users?context=alpha");
        assertThat(deleted.get("message").asText()).isEqualTo("Context 'alpha' deleted successfully");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/message").asText()).isEqualTo("No API context named \"alpha\"; known:"
                + " [beta]. A context is created by the first request that names it (?context=alpha or the header"
                + " X-Api-Context).");
        assertThat(missing.json().at("/error/availableContexts").toString()).isEqualTo("[\"beta\"]");
        assertThat(cleared.get("clearedCount").asInt()).isEqualTo(1);
        assertThat(empty.get("count").asInt()).isZero();
    }

    @Test
    void aContextKeepsItsMostRecentEntitiesUpToItsBound() {
        start(LlmockWireMock.newBuilder().config(LlmockConfig.none()).cassettes(dir).mode(RecordMode.LIVE)
                .maxContextEntities(3));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(Http.send("POST", mock("/users?context=shop"), "{\"name\":\"user" + i + "\"}").json()
                    .get("id").asText());
        }

        JsonNode shop = Http.get(url("/api/contexts/shop")).json();
        Http.Reply dropped = Http.get(mock("/users/" + ids.get(0) + "?context=shop"));

        assertThat(shop.at("/entities/~1users").findValuesAsText("name")).containsExactly("user1", "user2", "user3");
        assertThat(dropped.header("X-Llmock-Source")).isEqualTo("generated");
    }

    @Test
    void theNumberOfContextsIsBounded() {
        start(LlmockWireMock.newBuilder().config(LlmockConfig.none()).cassettes(dir).mode(RecordMode.LIVE)
                .maxContexts(2));
        for (int i = 0; i < 5; i++) {
            Http.get(mock("/users/1?context=c" + i));
        }

        JsonNode list = Http.get(url("/api/contexts")).json();

        assertThat(list.get("count").asInt()).isEqualTo(2);
    }

    @Test
    void anUnusableContextNameIsRefusedWith400() {
        start(RecordMode.LIVE);

        Http.Reply reply = Http.get(mock("/users?context=" + "x".repeat(101)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/type").asText()).isEqualTo("invalid_context");
        assertThat(reply.json().at("/error/message").asText()).endsWith("is not usable: use at most 100 characters"
                + " and no control characters.");
    }

    @Test
    void aTestsOwnEntitiesCanBePutIntoAContext() {
        start(RecordMode.LIVE);

        llmock.context("shop").put("/customers", Map.of("id", 77, "name", "Ada"));
        JsonNode fetched = Http.get(mock("/customers/77?context=shop")).json();

        assertThat(fetched.get("name").asText()).isEqualTo("Ada");
        assertThatThrownBy(() -> llmock.context("shop").put("/customers", Map.of("name", "Nobody")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The entity given for /customers has no \"id\" (or \"customerId\") field, so no request"
                        + " could ask for it; give it one.");
    }

    @Test
    void aRecordedSequenceReplaysIdenticallyWithTheBackendUnreachable() {
        start(LlmockWireMock.newBuilder().config(synthetic()).cassettes(dir).mode(RecordMode.RECORD)
                .cassette("Contexts"));
        List<String> recorded = sequence();
        stop();

        int port = Http.closedPort();
        start(LlmockWireMock.newBuilder().config(LlmockConfig.parse("{\"backends\":[{\"name\":\"main\","
                + "\"provider\":\"openai\",\"baseUrl\":\"http://127.0.0.1:" + port + "/v1\",\"model\":\"m\","
                + "\"apiKey\":\"k\"}]}", "unreachable llmock.json")).cassettes(dir).mode(RecordMode.REPLAY)
                .cassette("Contexts"));
        List<String> replayed = sequence();
        Http.Reply withoutTheCustomer = Http.get(mock("/orders/5?context=empty&shape=" + encode(ORDER)));

        assertThat(replayed).containsExactlyElementsOf(recorded);
        assertThat(withoutTheCustomer.status()).isEqualTo(404);
        assertThat(withoutTheCustomer.json().at("/error/type").asText()).isEqualTo("replay_miss");
    }

    private List<String> sequence() {
        List<String> bodies = new ArrayList<>();
        JsonNode customer = Http.send("POST", mock("/customers?context=shop"), "{\"name\":\"Ada\"}").json();
        bodies.add(customer.toString());
        bodies.add(Http.get(mock("/customers/" + customer.get("id").asText() + "?context=shop")).text());
        bodies.add(Http.get(mock("/customers?context=shop")).text());
        bodies.add(Http.get(mock("/orders/5?context=shop&shape=" + encode(ORDER))).text());
        bodies.add(Http.get(mock("/orders/5?context=fresh&shape=" + encode("{\"id\":0}"))).text());
        return bodies;
    }

    private static LlmockConfig synthetic() {
        return LlmockConfig.parse("{\"backends\":[{\"name\":\"main\",\"provider\":\"synthetic\"}]}", "llmock.json");
    }
}

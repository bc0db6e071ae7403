package dev.llmock.wiremock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.llmock.wiremock.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.RecordMode;
import dev.llmock.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphQlTest {
    private static final String SCHEMA = "type Query { user(id: ID!): User  users(role: Role): [User!]!"
            + "  search(term: String!): [SearchResult] }\n"
            + "type Mutation { createUser(input: NewUser!): User }\n"
            + "input NewUser { name: String!  email: String! }\n"
            + "type User { id: ID!  name: String!  email: String  age: Int  score: Float  active: Boolean"
            + "  role: Role!  friends: [User!]! }\n"
            + "type Post { title: String!  likes: Int }\n"
            + "union SearchResult = User | Post\n"
            + "enum Role { ADMIN EDITOR VIEWER }\n";

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

    private LlmockWireMock.Builder live() {
        return LlmockWireMock.newBuilder().config(LlmockConfig.none()).cassettes(dir).mode(RecordMode.LIVE);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private Http.Reply post(String path, String query, String variables) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("query", query);
        if (variables != null) {
            body.set("variables", Http.parse(variables));
        }
        return Http.send("POST", url(path), body.toString(), "Content-Type", "application/json");
    }

    private static Set<String> fields(JsonNode json) {
        Set<String> names = new HashSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aQueryGetsDataOfTheShapeItSelects() {
        start(live());

        Http.Reply reply = post("/graphql", "{ users { id name email createdAt isActive } shop { name } }", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(fields(reply.json())).containsExactly("data");
        JsonNode users = reply.json().at("/data/users");
        assertThat(users.isArray()).isTrue();
        assertThat(users).isNotEmpty().allSatisfy(user -> {
            assertThat(fields(user)).containsExactlyInAnyOrder("id", "name", "email", "createdAt", "isActive");
            assertThat(user.get("id").isIntegralNumber()).isTrue();
            assertThat(user.get("email").asText()).contains("@");
            assertThat(user.get("isActive").isBoolean()).isTrue();
        });
        assertThat(fields(reply.json().at("/data/shop"))).containsExactly("name");
    }

    @Test
    void variablesAliasesFragmentsAndDirectivesAreHonoured() {
        start(live());
        String query = "query GetUser($userId: ID!, $withEmail: Boolean = false) {"
                + " user(id: $userId) { id ...Names email @include(if: $withEmail) __typename }"
                + " admins: users(role: \"ADMIN\") { role } }"
                + " fragment Names on User { name nick: name }";

        JsonNode data = post("/api/mock/graphql", query, "{\"userId\":\"12345\",\"withEmail\":true}").json()
                .get("data");
        JsonNode withoutEmail = post("/graphql", query, "{\"userId\":\"7\"}").json().get("data");

        assertThat(fields(data)).containsExactlyInAnyOrder("user", "admins");
        assertThat(data.at("/user/id").asText()).isEqualTo("12345");
        assertThat(fields(data.get("user"))).containsExactlyInAnyOrder("id", "name", "nick", "email", "__typename");
        assertThat(data.at("/user/__typename").asText()).isEqualTo("User");
        assertThat(data.get("admins")).isNotEmpty().allSatisfy(admin -> assertThat(admin.get("role").asText())
                .isEqualTo("ADMIN"));
        assertThat(fields(withoutEmail.get("user"))).doesNotContain("email");
    }

    @Test
    void aMalformedDocumentAnswers400WithItsLocation() {
        start(live());

        Http.Reply reply = post("/graphql", "{ users { id name }", null);

        assertThat(reply.status()).isEqualTo(400);
        JsonNode error = reply.json().at("/errors/0");
        assertThat(error.get("message").asText()).startsWith("Invalid syntax");
        assertThat(error.at("/locations/0/line").asInt()).isEqualTo(1);
        assertThat(error.at("/locations/0/column").asInt()).isPositive();
        assertThat(reply.json().has("data")).isFalse();
    }

    @Test
    void aRequestWithoutAQueryOrWithBadJsonAnswers400() {
        start(live());

        Http.Reply noQuery = Http.send("POST", url("/graphql"), "{\"variables\":{}}", "Content-Type",
                "application/json");
        Http.Reply badJson = Http.send("POST", url("/graphql"), "{\"query\":", "Content-Type", "application/json");
        Http.Reply twoOperations = post("/graphql", "query A { a } query B { b }", null);

        assertThat(noQuery.status()).isEqualTo(400);
        assertThat(noQuery.json().at("/errors/0/message").asText()).isEqualTo("A GraphQL request needs a \"query\":"
                + " POST {\"query\":\"{ users { id name } }\"} as application/json, or GET ?query=...");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.json().at("/errors/0/message").asText()).startsWith("The GraphQL request body is not"
                + " valid JSON: ");
        assertThat(twoOperations.status()).isEqualTo(400);
        assertThat(twoOperations.json().at("/errors/0/message").asText()).isEqualTo("The document has 2 operations"
                + " [A, B]; name the one to run in \"operationName\".");
    }

    @Test
    void aSchemaTypesTheAnswerAndValidatesTheQuery() throws Exception {
        Path schema = Files.writeString(dir.resolve("schema.graphqls"), SCHEMA);
        start(live().graphQlSchema(schema));

        JsonNode user = post("/graphql", "query($id: ID!) { user(id: $id) { id name age score active role"
                + " friends { name } } }", "{\"id\":\"u-1\"}").json().at("/data/user");
        JsonNode results = post("/graphql", "{ search(term: \"x\") { __typename ... on Post { title likes } } }",
                null).json().at("/data/search");
        Http.Reply unknownField = post("/graphql", "{ user(id: 1) { nickname } }", null);
        Http.Reply missingVariable = post("/graphql", "query($id: ID!) { user(id: $id) { name } }", "{}");

        assertThat(user.get("id").asText()).isEqualTo("u-1");
        assertThat(user.get("age").isIntegralNumber()).isTrue();
        assertThat(user.get("score").isNumber()).isTrue();
        assertThat(user.get("active").isBoolean()).isTrue();
        assertThat(user.get("role").asText()).isIn("ADMIN", "EDITOR", "VIEWER");
        assertThat(user.get("friends").isArray()).isTrue();
        assertThat(results).isNotEmpty().allSatisfy(result -> {
            assertThat(result.get("__typename").asText()).isEqualTo("Post");
            assertThat(fields(result)).containsExactlyInAnyOrder("__typename", "title", "likes");
        });
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().at("/errors/0/message").asText()).contains("nickname");
        assertThat(unknownField.json().at("/errors/0/locations/0/line").asInt()).isEqualTo(1);
        assertThat(unknownField.json().at("/errors/0/extensions/classification").asText())
                .isEqualTo("ValidationError");
        assertThat(missingVariable.status()).isEqualTo(400);
        assertThat(missingVariable.json().at("/errors/0/message").asText()).isEqualTo("Variable \"$id\" of non-null"
                + " type \"ID!\" was not provided; add it to \"variables\".");
    }

    @Test
    void aMutationEchoesItsInputOntoTheSelectedFields() {
        start(live());

        JsonNode created = post("/graphql", "mutation($input: NewUser!) { createUser(input: $input) { id name email } }",
                "{\"input\":{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.org\"}}").json().at("/data/createUser");

        assertThat(created.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(created.get("email").asText()).isEqualTo("ada@example.org");
        assertThat(created.get("id").isIntegralNumber()).isTrue();
    }

    @Test
    void anInvalidSchemaIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> LlmockWireMock.newBuilder().graphQlSchema("type Query { user: User "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The GraphQL schema (given text) is not valid at line 1, column ");
    }

    @Test
    void getAndPostShareOneRecordingThatReplaysWithTheBackendUnreachable() {
        start(LlmockWireMock.newBuilder().config(LlmockConfig.parse("{\"backends\":[{\"name\":\"main\","
                + "\"provider\":\"synthetic\"}]}", "llmock.json")).cassettes(dir).mode(RecordMode.RECORD)
                .cassette("GraphQl"));
        String query = "{ products { sku price } }";
        String recorded = post("/graphql", query, null).text();
        stop();

        int port = Http.closedPort();
        start(LlmockWireMock.newBuilder().config(LlmockConfig.parse("{\"backends\":[{\"name\":\"main\",\"provider\":"
                + "\"openai\",\"baseUrl\":\"http://127.0.0.1:" + port + "/v1\",\"model\":\"m\",\"apiKey\":\"k\"}]}",
                "llmock.json")).cassettes(dir).mode(RecordMode.REPLAY).cassette("GraphQl"));
        Http.Reply replayed = post("/graphql", query, null);
        Http.Reply byGet = Http.get(url("/api/mock/graphql?query=" + encode(query)));
        Http.Reply missing = post("/graphql", "{ orders { id } }", null);

        assertThat(replayed.text()).isEqualTo(recorded);
        assertThat(replayed.header("X-Llmock-Source")).isEqualTo("replayed");
        assertThat(byGet.text()).isEqualTo(recorded);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/errors/0/extensions/code").asText()).isEqualTo("REPLAY_MISS");
        assertThat(missing.json().get("data").isNull()).isTrue();
    }

    @Test
    void simulatedErrorsAnswerInTheGraphQlErrorFormat() {
        start(live());

        Http.Reply reply = post("/graphql?error=503&errorMessage=" + encode("Down"), "{ users { id } }", null);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().at("/errors/0/message").asText()).isEqualTo("Down");
        assertThat(reply.json().at("/errors/0/extensions/status").asInt()).isEqualTo(503);
        assertThat(reply.json().get("data").isNull()).isTrue();
    }

    @Test
    void aQueryInAnApiContextSeesItsEntities() {
        start(live());
        JsonNode customer = Http.send("POST", url("/api/mock/customers?context=shop"), "{\"name\":\"Ada\"}").json();

        JsonNode data = post("/graphql?context=shop", "{ orders { id customerId customerName } }", null).json()
                .get("data");

        assertThat(data.get("orders")).isNotEmpty().allSatisfy(order -> {
            assertThat(order.get("customerId")).isEqualTo(customer.get("id"));
            assertThat(order.get("customerName").asText()).isEqualTo("Ada");
        });
    }
}

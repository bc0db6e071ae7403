package dev.llmock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code llmock serve} with API contexts, SSE and GraphQL: recorded once, replayed with the backend unreachable. */
class ServeMockApiFeaturesTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int serve(ServeCommand[] command, String... args) throws Exception {
        CommandLine commandLine = LlmockCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        CompletableFuture.supplyAsync(() -> commandLine.execute(args));
        command[0] = commandLine.getSubcommands().get("serve").getCommand();
        try {
            return command[0].awaitPort(Duration.ofSeconds(30));
        } catch (IllegalStateException e) {
            throw new AssertionError("serve did not start: " + err, e);
        }
    }

    private static String send(String method, String url, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("") + "\n"
                + response.body();
    }

    /** The requests of the README's examples, in one context; their answers as sent. */
    private static List<String> exercise(int port) throws Exception {
        String base = "http://127.0.0.1:" + port;
        List<String> answers = new ArrayList<>();
        String created = send("POST", base + "/api/mock/users?context=shop", "{\"name\":\"Ada\"}",
                "Content-Type", "application/json");
        answers.add(created);
        JsonNode user = Json.MAPPER.readTree(created.substring(created.indexOf('\n') + 1));
        answers.add(send("GET", base + "/api/mock/users/" + user.get("id").asText(), null, "X-Api-Context", "shop"));
        answers.add(send("GET", base + "/api/mock/stream/users/" + user.get("id").asText()
                + "?sseMode=CompleteObjects", null));
        answers.add(send("GET", base + "/api/mock/stream/quotes/1?shape=%7B%22quote%22:%22string%22%7D", null));
        answers.add(send("POST", base + "/graphql?context=shop", "{\"query\":\"{ user(id: \\\"u-1\\\") { id name"
                + " role } }\"}", "Content-Type", "application/json"));
        return answers;
    }

    @Test
    void contextsStreamsAndGraphQlAreRecordedAndReplayIdenticallyWithTheBackendUnreachable() throws Exception {
        Path schema = Files.writeString(dir.resolve("schema.graphqls"),
                "type Query { user(id: ID!): User }\ntype User { id: ID!  name: String!  role: Role! }\n"
                        + "enum Role { ADMIN VIEWER }\n");
        Path synthetic = Files.writeString(dir.resolve("synthetic.json"),
                "{\"backends\":[{\"name\":\"main\",\"provider\":\"synthetic\"}]}");
        ServeCommand[] first = new ServeCommand[1];
        List<String> recorded = exercise(serve(first, "serve", "--port", "0", "--cassettes", dir.toString(),
                "--mode", "record", "--config", synthetic.toString(), "--graphql-schema", schema.toString(),
                "--max-contexts", "10", "--max-context-entities", "50"));
        first[0].stop();

        Path unreachable = Files.writeString(dir.resolve("unreachable.json"), "{\"backends\":[{\"name\":\"main\","
                + "\"provider\":\"openai\",\"baseUrl\":\"http://127.0.0.1:" + closedPort() + "/v1\",\"model\":\"m\","
                + "\"apiKey\":\"k\"}]}");
        ServeCommand[] second = new ServeCommand[1];
        List<String> replayed = exercise(serve(second, "serve", "--port", "0", "--cassettes", dir.toString(),
                "--mode", "replay", "--config", unreachable.toString(), "--graphql-schema", schema.toString()));
        second[0].stop();

        assertThat(recorded.get(1)).endsWith(recorded.get(0).substring(recorded.get(0).indexOf('\n') + 1));
        assertThat(recorded.get(2)).startsWith("200 text/event-stream\ndata: {\"data\":{");
        assertThat(recorded.get(3)).contains("\"done\":true");
        assertThat(recorded.get(4)).startsWith("200 application/json\n{\"data\":{\"user\":{\"id\":\"u-1\"");
        assertThat(replayed).containsExactlyElementsOf(recorded);
        assertThat(out.toString()).contains("POST /graphql?context=shop -> 200 replayed");
    }

    @Test
    void anInvalidGraphQlSchemaIsBadInputNamingThePosition() throws Exception {
        Path schema = Files.writeString(dir.resolve("broken.graphqls"), "type Query { user: User ");
        CommandLine commandLine = LlmockCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = CompletableFuture.supplyAsync(() -> commandLine.execute("serve", "--port", "0", "--cassettes",
                dir.toString(), "--graphql-schema", schema.toString())).get(30, TimeUnit.SECONDS);

        assertThat(exit).isNotEqualTo(LlmockCommand.OK);
        assertThat(err.toString()).contains("The GraphQL schema " + schema + " is not valid at line 1, column ");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package dev.llmock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.cassette.Cassettes;
import dev.llmock.internal.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A running {@code llmock serve} and the future of its exit code. */
    private record Running(ServeCommand command, CompletableFuture<Integer> exit, int port) {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        int stop() throws Exception {
            command.stop();
            return exit.get(30, TimeUnit.SECONDS);
        }
    }

    private Running serve(String... args) throws Exception {
        CommandLine commandLine = LlmockCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(args));
        ServeCommand command = commandLine.getSubcommands().get("serve").getCommand();
        try {
            return new Running(command, exit, command.awaitPort(Duration.ofSeconds(30)));
        } catch (IllegalStateException e) {
            throw new AssertionError("serve did not start: exit " + exit.getNow(null) + ", " + err, e);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheMockApiLogsEachRequestAndWritesTheCassetteWhenStopped() throws Exception {
        Running running = serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "record",
                "--config", Files.writeString(dir.resolve("llmock.json"), "{}").toString());
        String shape = URLEncoder.encode("{\"id\":0,\"name\":\"string\",\"email\":\"email\"}", StandardCharsets.UTF_8);

        HttpResponse<String> user = get(running.url("/api/mock/users/42?shape=" + shape));
        HttpResponse<String> error = get(running.url("/api/mock/users?error=503"));
        int exit = running.stop();

        assertThat(user.statusCode()).isEqualTo(200);
        JsonNode json = Json.MAPPER.readTree(user.body());
        assertThat(json.get("id").asInt()).isEqualTo(42);
        assertThat(json.get("email").asText()).contains("@");
        assertThat(error.statusCode()).isEqualTo(503);
        assertThat(exit).isEqualTo(LlmockCommand.OK);
        assertThat(out.toString())
                .contains("llmock: serving http://127.0.0.1:" + running.port() + "/api/mock/** (mode record")
                .contains("GET /api/mock/users/42?shape=" + shape + " -> 200 generated")
                .contains("GET /api/mock/users?error=503 -> 503 simulated")
                .contains("llmock: stopped");
        assertThat(Cassettes.stats(dir.resolve("llmock-wiremock.json")).entries()).isEqualTo(1);
    }

    @Test
    void aSecondRunReplaysTheCassette() throws Exception {
        Running first = serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "record");
        String body = get(first.url("/api/mock/orders/7")).body();
        first.stop();

        Running second = serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "replay");
        HttpResponse<String> replayed = get(second.url("/api/mock/orders/7"));
        HttpResponse<String> missing = get(second.url("/api/mock/orders/8?shape=%7B%22id%22:0%7D"));
        second.stop();

        assertThat(replayed.body()).isEqualTo(body);
        assertThat(replayed.headers().firstValue("X-Llmock-Source")).hasValue("replayed");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void replayWithAKeyProtectedBackendNeedsNeitherTheKeyNorTheServer() throws Exception {
        Running first = serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "record");
        String body = get(first.url("/api/mock/orders/7")).body();
        first.stop();
        Path keyProtected = Files.writeString(dir.resolve("llmock.json"), "{\"backends\": [{\"name\": \"cloud\","
                + " \"provider\": \"openai\", \"baseUrl\": \"http://127.0.0.1:9/v1\", \"model\": \"gpt-4o-mini\","
                + " \"apiKey\": \"${LLMOCK_TEST_UNSET_OPENAI_KEY}\"}]}");

        Running second = serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "replay",
                "--config", keyProtected.toString());
        HttpResponse<String> replayed = get(second.url("/api/mock/orders/7"));
        second.stop();

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo(body);
        assertThat(replayed.headers().firstValue("X-Llmock-Source")).hasValue("replayed");
    }

    @Test
    void anUnknownModeIsBadInput() {
        CommandLine commandLine = LlmockCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "sometimes");

        assertThat(exit).isNotEqualTo(LlmockCommand.OK);
        assertThat(err.toString()).contains("sometimes");
    }
}

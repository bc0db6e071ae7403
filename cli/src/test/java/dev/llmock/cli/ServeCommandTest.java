package dev.llmock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.cassette.Cassettes;
import dev.llmock.internal.Json;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    private final ServeRunner runner = new ServeRunner();

    private ServeRunner.Running serve(String... args) throws Exception {
        return runner.serve(args);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return ServeRunner.get(url);
    }

    @Test
    void servesTheMockApiLogsEachRequestAndWritesTheCassetteWhenStopped() throws Exception {
        ServeRunner.Running running = serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "record",
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
        assertThat(runner.out.toString())
                .contains("llmock: serving http://127.0.0.1:" + running.port() + "/api/mock/** (mode record")
                .contains("GET /api/mock/users/42?shape=" + shape + " -> 200 generated")
                .contains("GET /api/mock/users?error=503 -> 503 simulated")
                .contains("llmock: stopped");
        assertThat(Cassettes.stats(dir.resolve("llmock-wiremock.json")).entries()).isEqualTo(1);
    }

    @Test
    void aSecondRunReplaysTheCassette() throws Exception {
        ServeRunner.Running first = serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "record");
        String body = get(first.url("/api/mock/orders/7")).body();
        first.stop();

        ServeRunner.Running second = serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "replay");
        HttpResponse<String> replayed = get(second.url("/api/mock/orders/7"));
        HttpResponse<String> missing = get(second.url("/api/mock/orders/8?shape=%7B%22id%22:0%7D"));
        second.stop();

        assertThat(replayed.body()).isEqualTo(body);
        assertThat(replayed.headers().firstValue("X-Llmock-Source")).hasValue("replayed");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void onceRecordsTheCassetteItCreatesThenOnlyReplaysIt() throws Exception {
        ServeRunner.Running first = serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "once");
        HttpResponse<String> recorded = get(first.url("/api/mock/orders/7"));
        first.stop();

        ServeRunner.Running second = serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "ONCE");
        HttpResponse<String> replayed = get(second.url("/api/mock/orders/7"));
        HttpResponse<String> missing = get(second.url("/api/mock/orders/8"));
        second.stop();

        assertThat(recorded.headers().firstValue("X-Llmock-Source")).hasValue("generated");
        assertThat(replayed.body()).isEqualTo(recorded.body());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("replay_miss").contains("(mode once)");
    }

    @Test
    void failOnRecordMakesARunThatRecordedExitWithFailureListingWhatItRecorded() throws Exception {
        ServeRunner.Running running = serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "new_episodes",
                "--fail-on-record", "true");
        get(running.url("/api/mock/orders/7"));
        int exit = running.stop();

        assertThat(exit).isEqualTo(LlmockCommand.FAILURE);
        assertThat(runner.err.toString()).startsWith("llmock: llmock recorded 1 entry into "
                + dir.resolve("llmock-wiremock.json") + " (mode record), but llmock.failOnRecord is on (set explicitly)")
                .contains("GET /orders/{id}");
        assertThat(Cassettes.stats(dir.resolve("llmock-wiremock.json")).entries()).isEqualTo(1);
    }

    @Test
    void replayWithAKeyProtectedBackendNeedsNeitherTheKeyNorTheServer() throws Exception {
        ServeRunner.Running first = serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "record");
        String body = get(first.url("/api/mock/orders/7")).body();
        first.stop();
        Path keyProtected = Files.writeString(dir.resolve("llmock.json"), "{\"backends\": [{\"name\": \"cloud\","
                + " \"provider\": \"openai\", \"baseUrl\": \"http://127.0.0.1:9/v1\", \"model\": \"gpt-4o-mini\","
                + " \"apiKey\": \"${LLMOCK_TEST_UNSET_OPENAI_KEY}\"}]}");

        ServeRunner.Running second = serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "replay",
                "--config", keyProtected.toString());
        HttpResponse<String> replayed = get(second.url("/api/mock/orders/7"));
        second.stop();

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo(body);
        assertThat(replayed.headers().firstValue("X-Llmock-Source")).hasValue("replayed");
    }

    @Test
    void anUnknownModeIsBadInput() {
        int exit = runner.run("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "sometimes");

        assertThat(exit).isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(runner.err.toString()).contains("sometimes");
    }
}

package dev.llmock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.internal.Json;
import dev.llmock.openapi.OpenApiContent;
import dev.llmock.openapi.OpenApiOperation;
import dev.llmock.openapi.OpenApiParameter;
import dev.llmock.openapi.OpenApiResponse;
import dev.llmock.openapi.OpenApiSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code llmock serve --openapi} with every example description in {@code ../shared/openapi/}. */
class ServeOpenApiTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** One request to an operation and the answer it got. */
    private record Exchange(OpenApiOperation operation, String method, String path, String contentType, String body,
                            HttpResponse<String> response) {
        String describe() {
            return method + " " + path + (body == null ? "" : " " + body) + " -> " + response.statusCode() + " "
                    + response.body();
        }
    }

    @Test
    void everyOperationOfEverySharedDescriptionAnswersValidDataThatReplaysOffline() throws Exception {
        List<Path> files = SharedOpenApi.specs();
        List<OpenApiSpec> specs = files.stream().map(OpenApiSpec::load).toList();
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--cassettes", dir.toString(), "--mode",
                "record"));
        files.forEach(file -> args.addAll(List.of("--openapi", file.toString())));

        ServeRun recording = ServeRun.start(args, out, err);
        List<Exchange> recorded = new ArrayList<>();
        List<Exchange> rejected = new ArrayList<>();
        try (Llmock bodies = Llmock.newBuilder().config(LlmockConfig.none()).build()) {
            for (OpenApiSpec spec : specs) {
                for (OpenApiOperation operation : spec.operations()) {
                    recorded.add(call(recording, operation, validBody(bodies, operation)));
                    badBody(operation).ifPresent(body -> rejected.add(call(recording, operation, body)));
                }
            }
        }
        assertThat(recording.stop()).isEqualTo(LlmockCommand.OK);

        int closed = closedPort();
        Path offline = Files.writeString(dir.resolve("offline.json"), "{\"backends\":[{\"name\":\"main\","
                + "\"provider\":\"openai\",\"baseUrl\":\"http://127.0.0.1:" + closed + "/v1\",\"model\":\"m\","
                + "\"apiKey\":\"k\"}]}");
        List<String> replayArgs = new ArrayList<>(args);
        replayArgs.set(replayArgs.indexOf("record"), "replay");
        replayArgs.addAll(List.of("--config", offline.toString()));
        ServeRun replaying = ServeRun.start(replayArgs, out, err);
        List<Exchange> replayed = new ArrayList<>();
        for (Exchange exchange : recorded) {
            replayed.add(send(replaying, exchange.operation(), exchange.method(), exchange.path(),
                    exchange.contentType(), exchange.body()));
        }
        replaying.stop();

        assertThat(specs).allSatisfy(spec -> assertThat(spec.warnings()).as(spec.source()).isEmpty());
        assertThat(specs.stream().mapToInt(spec -> spec.operations().size()).sum()).isEqualTo(recorded.size())
                .isPositive();
        for (Exchange exchange : recorded) {
            OpenApiResponse success = exchange.operation().success();
            assertThat(exchange.response().statusCode()).as(exchange.describe()).isEqualTo(success.statusCode());
            Optional<OpenApiContent> content = success.preferred();
            if (content.isEmpty()) {
                assertThat(exchange.response().body()).as(exchange.describe()).isEmpty();
                continue;
            }
            assertThat(exchange.response().headers().firstValue("Content-Type")).as(exchange.describe())
                    .hasValue(content.get().mediaType());
            JsonNode json = Json.MAPPER.readTree(exchange.response().body());
            assertThat(content.get().shape().validate(json)).as(exchange.describe()).isEmpty();
        }
        assertThat(rejected).isNotEmpty().allSatisfy(exchange -> assertThat(exchange.response().statusCode())
                .as(exchange.describe()).isIn(400, 422));
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(replayed.get(i).response().body()).as(recorded.get(i).describe())
                    .isEqualTo(recorded.get(i).response().body());
        }
        assertThat(out.toString()).contains("llmock: OpenAPI operations on http://127.0.0.1:");
    }

    @Test
    void aSwagger20DescriptionIsServedToo() throws Exception {
        Path spec = Files.writeString(dir.resolve("swagger.json"), """
                {"swagger":"2.0","info":{"title":"Old","version":"1"},"basePath":"/old",
                 "paths":{"/things/{id}":{"get":{"operationId":"getThing","produces":["application/json"],
                   "parameters":[{"name":"id","in":"path","required":true,"type":"integer"}],
                   "responses":{"200":{"description":"a thing","schema":{"$ref":"#/definitions/Thing"}}}}}},
                 "definitions":{"Thing":{"type":"object","required":["id","name"],
                   "properties":{"id":{"type":"integer"},"name":{"type":"string"}}}}}
                """);
        ServeRun running = ServeRun.start(List.of("serve", "--port", "0", "--cassettes", dir.toString(), "--mode",
                "live", "--openapi", spec.toString()), out, err);

        HttpResponse<String> thing = get(running.url("/old/things/12"));
        running.stop();

        assertThat(thing.statusCode()).as(thing.body()).isEqualTo(200);
        JsonNode json = Json.MAPPER.readTree(thing.body());
        assertThat(json.get("id").asInt()).isEqualTo(12);
        assertThat(json.get("name").isTextual()).isTrue();
    }

    @Test
    void aMissingDescriptionIsBadInputNamingIt() {
        CommandLine commandLine = LlmockCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("serve", "--port", "0", "--cassettes", dir.toString(), "--openapi",
                "nowhere.yaml");

        assertThat(exit).isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(err.toString()).startsWith("llmock: No OpenAPI description at nowhere.yaml: it is neither a file");
    }

    private static Exchange call(ServeRun running, OpenApiOperation operation, Body body) {
        String path = path(operation);
        return send(running, operation, operation.method(), path, body == null ? null : body.contentType(),
                body == null ? null : body.text());
    }

    private static Exchange send(ServeRun running, OpenApiOperation operation, String method, String path,
                                 String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(running.url(path)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return new Exchange(operation, method, path, contentType, body,
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A body and its media type. */
    private record Body(String contentType, String text) {
    }

    /** A body that fits the operation's request schema, made by the synthetic backend; null when it takes none. */
    private static Body validBody(Llmock llmock, OpenApiOperation operation) {
        Optional<OpenApiContent> content = operation.body().flatMap(body -> body.preferred());
        if (content.isEmpty()) {
            return null;
        }
        JsonNode json = llmock.generate(FixtureRequest.newBuilder().shape(content.get().shape()).build()).json();
        return content.get().form() ? new Body(content.get().mediaType(), form(json))
                : new Body(content.get().mediaType(), Json.compact(json));
    }

    /** A body that breaks the request schema (an empty object where something is required, else a wrong type). */
    private static Optional<Body> badBody(OpenApiOperation operation) {
        return operation.body().flatMap(body -> body.preferred()).map(content -> content.form()
                ? new Body(content.mediaType(), "unknown=1")
                : new Body(content.mediaType(), content.schema().path("required").isEmpty() ? "[]" : "{}"));
    }

    private static String form(JsonNode object) {
        Map<String, String> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** The operation's path with a value fitting each path parameter's schema. */
    private static String path(OpenApiOperation operation) {
        String path = operation.fullPath();
        for (OpenApiParameter parameter : operation.parameters("path")) {
            JsonNode schema = parameter.schema();
            String value = schema.path("enum").isArray() && !schema.path("enum").isEmpty()
                    ? schema.path("enum").get(0).asText()
                    : "integer".equals(schema.path("type").asText()) ? "7" : "sample-" + parameter.name();
            path = path.replace("{" + parameter.name() + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return path;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A running {@code llmock serve} and the future of its exit code. */
    private record ServeRun(ServeCommand command, CompletableFuture<Integer> exit, int port) {
        static ServeRun start(List<String> args, StringWriter out, StringWriter err) {
            CommandLine commandLine = LlmockCommand.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> commandLine.execute(args.toArray(new String[0])));
            ServeCommand command = commandLine.getSubcommands().get("serve").getCommand();
            try {
                return new ServeRun(command, exit, command.awaitPort(Duration.ofSeconds(60)));
            } catch (IllegalStateException | InterruptedException e) {
                throw new AssertionError("serve did not start: exit " + exit.getNow(null) + ", " + err, e);
            }
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        int stop() throws Exception {
            command.stop();
            return exit.get(30, TimeUnit.SECONDS);
        }
    }
}

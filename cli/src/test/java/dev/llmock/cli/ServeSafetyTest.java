package dev.llmock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.cassette.CassetteSettings;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import dev.llmock.internal.Json;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code llmock serve} refuses, bounds and keeps when used carelessly or attacked. */
class ServeSafetyTest {
    private static final String EVIL = "http://evil.example";

    @TempDir
    Path dir;

    private final ServeRunner runner = new ServeRunner();

    private static HttpResponse<String> send(String method, String url, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return ServeRunner.send(request);
    }

    private static String stubFor(String path) {
        return "{\"request\":{\"url\":\"" + path + "\"},\"response\":{\"status\":200,\"body\":\"planted\"}}";
    }

    @Test
    void theAdminApiIsOffUnlessAskedForAndAWebPageWritesNothing() throws Exception {
        ServeRunner.Running running = runner.serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode",
                "live");
        String probe = "llmock-probe-" + UUID.randomUUID();

        HttpResponse<String> file = send("PUT", running.url("/__admin/files/" + probe), "planted", "Origin", EVIL);
        HttpResponse<String> mapping = send("POST", running.url("/__admin/mappings"), stubFor("/" + probe), "Origin",
                EVIL);
        HttpResponse<String> planted = ServeRunner.get(running.url("/" + probe));
        running.stop();

        for (HttpResponse<String> refused : List.of(file, mapping)) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.headers().map()).doesNotContainKey("access-control-allow-origin");
            assertThat(Json.MAPPER.readTree(refused.body()).at("/error/message").asText()).isEqualTo("WireMock's"
                    + " admin API is off in llmock serve. Start it with --admin to use it from this machine.");
        }
        assertThat(planted.statusCode()).as("no stub was added").isEqualTo(404);
        try (Stream<Path> files = Files.walk(Path.of("").toAbsolutePath(), 8)) {
            assertThat(files.map(Path::toString)).as("no file written").noneMatch(name -> name.contains(probe));
        }
    }

    @Test
    void withAdminTheApiAnswersProgramsOnThisMachineButNoWebPageAndSendsNoCorsHeaders() throws Exception {
        ServeRunner.Running running = runner.serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode",
                "live", "--admin");

        HttpResponse<String> fromPage = send("POST", running.url("/__admin/mappings"), stubFor("/from-page"),
                "Origin", EVIL);
        HttpResponse<String> preflight = send("OPTIONS", running.url("/__admin/files/x"), "", "Origin", EVIL,
                "Access-Control-Request-Method", "PUT");
        HttpResponse<String> fromProgram = send("POST", running.url("/__admin/mappings"), stubFor("/from-program"));
        HttpResponse<String> pagesStub = ServeRunner.get(running.url("/from-page"));
        HttpResponse<String> programsStub = ServeRunner.get(running.url("/from-program"));
        running.stop();

        for (HttpResponse<String> refused : List.of(fromPage, preflight)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().map()).doesNotContainKey("access-control-allow-origin");
            assertThat(Json.MAPPER.readTree(refused.body()).at("/error/message").asText()).isEqualTo("WireMock's"
                    + " admin API refuses requests from web pages (Origin http://evil.example); call it from a"
                    + " program on this machine.");
        }
        assertThat(fromProgram.statusCode()).isEqualTo(201);
        assertThat(pagesStub.statusCode()).isEqualTo(404);
        assertThat(programsStub.body()).isEqualTo("planted");
    }

    @Test
    void aBodyLongerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        ServeRunner.Running running = runner.serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode",
                "live", "--max-body-bytes", "1000");

        // 200 MB announced, the first kilobyte sent: the answer must come without waiting for the rest
        String announced = exchange(running.port(), "POST /api/mock/things HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 200000000\r\n\r\n", "x".repeat(1000));
        // chunked, 2,000 bytes sent and the body never finished
        String chunked = exchange(running.port(), "POST /api/mock/things HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
                "3e8\r\n" + "x".repeat(1000) + "\r\n3e8\r\n" + "x".repeat(1000) + "\r\n");
        running.stop();

        assertThat(announced).startsWith("HTTP/1.1 413 ").contains("{\"error\":{\"code\":413,\"type\":"
                + "\"body_too_large\",\"message\":\"The request body has 200000000 bytes, more than the limit of 1000"
                + " bytes. Send a smaller body, or raise the limit (--max-body-bytes).\"}}");
        assertThat(chunked).startsWith("HTTP/1.1 413 ").contains("\"message\":\"The request body is longer than the"
                + " limit of 1000 bytes. Send a smaller body, or raise the limit (--max-body-bytes).\"");
    }

    @Test
    void theRequestLogCountsFromTheRequestsArrivalToItsAnswerAndShowsNoCredentials() throws Exception {
        ServeRunner.Running running = runner.serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode",
                "live");
        String body = "{\"name\":\"Ada\"}";

        // the body follows its headers 1.5 s later, as a slow client sends it; the server may read the headers a
        // little after they were sent (a busy machine), so the log must show at least 1 s, far more than the
        // few milliseconds it would show if it counted from the body's arrival
        String answer = exchange(running.port(), "POST /api/mock/people?token=s3cr3t&page=2 HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n", body);
        String line = runner.awaitLogLine("POST /api/mock/people");
        running.stop();

        assertThat(answer).startsWith("HTTP/1.1 200 ");
        Matcher logged = Pattern.compile("POST /api/mock/people\\?token=<redacted>&page=2 -> 200 generated (\\d+)ms")
                .matcher(line);
        assertThat(logged.matches()).as(line).isTrue();
        assertThat(Long.parseLong(logged.group(1))).as("milliseconds logged").isGreaterThanOrEqualTo(1000);
        assertThat(runner.out.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void killedWithoutWarningInRecordModeItKeepsEveryEntryAnsweredASecondBefore() throws Exception {
        Path cassette = dir.resolve("cassettes").resolve("llmock-wiremock.json");
        Path log = dir.resolve("serve.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LlmockCommand.class.getName(), "serve", "--port", "0", "--cassettes", dir.resolve("cassettes").toString(),
                "--mode", "record", "--config", Files.writeString(dir.resolve("llmock.json"), "{}").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = portFrom(log, serve);
            int answered = 25;
            for (int i = 0; i < answered; i++) {
                String shape = URLEncoder.encode("{\"id\":0,\"field" + i + "\":\"string\"}", StandardCharsets.UTF_8);
                assertThat(ServeRunner.get("http://127.0.0.1:" + port + "/api/mock/things/" + i + "?shape=" + shape)
                        .statusCode()).isEqualTo(200);
            }
            awaitEntries(cassette, answered);

            serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            assertThat(Cassettes.stats(cassette).entries()).isEqualTo(answered);
            assertThat(Cassettes.verify(cassette.getParent())).allMatch(check -> check.ok(), "every cassette sound");
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void aCassetteDamagedBeforeStoppingIsReportedAndTheNewEntriesAreWrittenBesideIt() throws Exception {
        Path cassette = dir.resolve("llmock-wiremock.json");
        Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build().open("llmock-wiremock").save();
        ServeRunner.Running running = runner.serve("serve", "--port", "0", "--cassettes", dir.toString(), "--mode",
                "record");
        assertThat(ServeRunner.get(running.url("/api/mock/orders/1")).statusCode()).isEqualTo(200);
        awaitEntries(cassette, 1);
        Files.writeString(cassette, "{\"version\": 1, \"entries\": {");
        assertThat(ServeRunner.get(running.url("/api/mock/orders/2?shape=%7B%22total%22:0.0%7D")).statusCode())
                .isEqualTo(200);

        assertThat(running.stop()).isEqualTo(LlmockCommand.OK);

        assertThat(runner.err.toString()).contains("llmock: The cassette " + cassette + " is not valid JSON")
                .contains("The 2 entries held in memory (1 changed in this run) were written to "
                        + dir.resolve("llmock-wiremock.recovered-"));
        assertThat(Files.readString(cassette)).isEqualTo("{\"version\": 1, \"entries\": {");
        try (Stream<Path> files = Files.list(dir)) {
            Path recovered = files.filter(file -> file.getFileName().toString().startsWith("llmock-wiremock.recovered-"))
                    .findFirst().orElseThrow();
            assertThat(Cassettes.stats(recovered).entries()).isEqualTo(2);
        }
    }

    @Test
    void badInputExitsWithTwoAndOneLineWithoutAStackTrace() throws Exception {
        List<List<String>> cases = List.of(
                List.of("serve", "--port", "0", "--cassettes", dir.toString(), "--cassette", "../x"),
                List.of("serve", "--port", "0", "--cassettes", dir.toString(), "--mode", "bogus"),
                List.of("serve", "--port", "0", "--cassettes", dir.toString(), "--max-body-bytes", "-1"),
                List.of("serve", "--port", "70000", "--cassettes", dir.toString()));
        for (List<String> args : cases) {
            ServeRunner bad = new ServeRunner();

            assertThat(bad.run(args.toArray(String[]::new))).as(String.join(" ", args)).isEqualTo(LlmockCommand.BAD_INPUT);
            assertThat(bad.err.toString().lines()).as(bad.err.toString()).hasSize(1)
                    .allMatch(line -> line.startsWith("llmock: ") && !line.contains("Exception"));
        }
        ServeRunner fromProperty = new ServeRunner();
        System.setProperty(CassetteSettings.MODE.property().orElseThrow(), "bogus");
        try {
            assertThat(fromProperty.run("serve", "--port", "0", "--cassettes", dir.toString()))
                    .isEqualTo(LlmockCommand.BAD_INPUT);
        } finally {
            System.clearProperty(CassetteSettings.MODE.property().orElseThrow());
        }
        assertThat(fromProperty.err.toString()).isEqualTo("llmock: Unknown llmock mode \"bogus\" (from llmock.mode)."
                + " Use one of: once, replay, record, rerecord, live (or VCR's none, new_episodes, all)."
                + System.lineSeparator());
    }

    /**
     * Sends {@code head}, then half a second later {@code body} (a slow client), and reads the answer until the server
     * closes the connection (a refusal, or {@code Connection: close}).
     */
    private static String exchange(int port, String head, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(1500);
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int portFrom(Path log, Process serve) throws Exception {
        Pattern serving = Pattern.compile("llmock: serving http://127\\.0\\.0\\.1:(\\d+)/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && serve.isAlive()) {
            Matcher found = serving.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (found.find()) {
                return Integer.parseInt(found.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve did not start: " + (Files.exists(log) ? Files.readString(log) : ""));
    }

    /** Polls the cassette until it holds {@code count} entries; the assertion after it says whether it did. */
    private static void awaitEntries(Path cassette, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (Files.exists(cassette) && Cassettes.stats(cassette).entries() >= count) {
                    return;
                }
            } catch (RuntimeException e) {
                // caught between writes; look again
            }
            Thread.sleep(20);
        }
    }
}

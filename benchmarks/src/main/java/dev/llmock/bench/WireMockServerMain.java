package dev.llmock.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.RecordMode;
import dev.llmock.wiremock.LlmockResponseTransformer;
import dev.llmock.wiremock.LlmockWireMock;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The server of {@link WireMockBenchmark}, in a JVM of its own: WireMock 3 on 127.0.0.1 with three stubs answering
 * the same 10-field body (the {@code llmock} transformer and the catch-all replaying a cassette recorded at start,
 * and a plain static stub). Sends itself requests for {@value #WARM_UP_SECONDS} seconds, prints {@code port=<port>}
 * and stops when its stdin ends.
 */
public final class WireMockServerMain {
    static final String SHAPE = "{\"id\":0,\"firstName\":\"string\",\"lastName\":\"string\",\"email\":\"email\","
            + "\"phone\":\"string\",\"city\":\"string\",\"country\":\"string\",\"age\":0,\"balance\":0.0,"
            + "\"active\":true}";
    static final String TRANSFORMER_PATH = "/llmock/customers/42";
    static final String CATCH_ALL_PATH = "/api/mock/customers/42?shape=" + URLEncoder.encode(SHAPE,
            StandardCharsets.UTF_8);
    static final String PLAIN_PATH = "/plain/customers/42";
    /**
     * The plain stub asked with the catch-all's query: what WireMock itself spends on a URL that long (it parses the
     * URL and splits and decodes its query several times per request), whoever answers it.
     */
    static final String PLAIN_SAME_URL_PATH = PLAIN_PATH + CATCH_ALL_PATH.substring(CATCH_ALL_PATH.indexOf('?'));

    /** Seconds of requests to the stubs in turn before the server reports ready: {@value}. */
    static final int WARM_UP_SECONDS = 10;

    private WireMockServer server;
    private LlmockWireMock llmock;

    private WireMockServerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("llmock-bench-wiremock");
        WireMockServerMain main = new WireMockServerMain();
        // Record once, as a developer's first run would; the server's stop saves the cassette.
        main.start(dir, RecordMode.RECORD);
        RawHttpClient client = new RawHttpClient(main.server.port());
        String recorded = client.get(TRANSFORMER_PATH);
        client.get(CATCH_ALL_PATH);
        client.close();
        main.stop();

        main.start(dir, RecordMode.REPLAY);
        client = new RawHttpClient(main.server.port());
        String replayed = client.get(TRANSFORMER_PATH);
        if (!replayed.equals(recorded)) {
            throw new IllegalStateException("Replay differs from the recording: " + replayed + " vs " + recorded);
        }
        client.get(CATCH_ALL_PATH);
        main.server.stubFor(get(urlPathEqualTo(PLAIN_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(replayed)));
        if (!client.get(PLAIN_PATH).equals(replayed) || !client.get(PLAIN_SAME_URL_PATH).equals(replayed)) {
            throw new IllegalStateException("The plain stub answers another body than the replay");
        }
        client.close();
        warmUp(main.server.port());
        System.out.println("port=" + main.server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the benchmark to close our stdin
        }
        main.stop();
    }

    /**
     * Requests to the stubs (the plain one with and without the long query) in turn from as many connections as the
     * benchmark uses, so every server JIT-compiles the code of all of them alike, under the same concurrency, before
     * JMH's own warm-up (which sends only one kind).
     */
    private static void warmUp(int port) throws InterruptedException {
        byte[][] requests = {RawHttpClient.request(TRANSFORMER_PATH), RawHttpClient.request(CATCH_ALL_PATH),
                RawHttpClient.request(PLAIN_PATH), RawHttpClient.request(PLAIN_SAME_URL_PATH)};
        long end = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < WireMockBenchmark.CONNECTIONS; c++) {
            Thread client = new Thread(() -> {
                try (RawHttpClient connection = new RawHttpClient(port)) {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        connection.send(requests[i % requests.length]);
                    }
                }
            }, "warm-up-" + c);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
    }

    private void start(Path dir, RecordMode mode) {
        llmock = LlmockWireMock.newBuilder().config(LlmockConfig.none()).cassettes(dir).mode(mode)
                .cassette("WireMockBenchmark").build();
        // The request journal off for all three stubs alike: a benchmark at full speed would fill it without bound.
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40)
                .disableRequestJournal().extensions(llmock.extensions()));
        server.start();
        server.stubFor(get(urlPathTemplate("/llmock/customers/{id}")).willReturn(aResponse()
                .withTransformers(LlmockResponseTransformer.NAME)
                .withTransformerParameter("shape", SHAPE)));
    }

    private void stop() {
        server.stop();
        llmock.close();
    }
}

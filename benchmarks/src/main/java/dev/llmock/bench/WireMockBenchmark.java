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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Goal 4: requests per second on 127.0.0.1 with 16 client threads (so 16 keep-alive connections) through one shared
 * {@code java.net.http} client, against one WireMock server holding three stubs that answer the same body: the
 * {@code llmock} transformer replaying from a cassette, the catch-all {@code /api/mock/**} replaying, and a plain
 * static stub.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
public class WireMockBenchmark {
    static final String SHAPE = "{\"id\":0,\"firstName\":\"string\",\"lastName\":\"string\",\"email\":\"email\","
            + "\"phone\":\"string\",\"city\":\"string\",\"country\":\"string\",\"age\":0,\"balance\":0.0,"
            + "\"active\":true}";

    /** The server and client, shared by the 16 threads. */
    @State(Scope.Benchmark)
    public static class Server {
        private WireMockServer server;
        private LlmockWireMock llmock;
        private HttpClient client;
        URI transformer;
        URI catchAll;
        URI plain;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Path dir = Files.createTempDirectory("llmock-bench-wiremock");
            // Record once, as a developer's first run would; the server's stop saves the cassette.
            start(dir, RecordMode.RECORD);
            String recorded = fetch(transformer);
            fetch(catchAll);
            stop();

            start(dir, RecordMode.REPLAY);
            String replayed = fetch(transformer);
            if (!replayed.equals(recorded)) {
                throw new IllegalStateException("Replay differs from the recording: " + replayed + " vs " + recorded);
            }
            fetch(catchAll);
            server.stubFor(get(urlPathEqualTo("/plain/customers/42")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(replayed)));
        }

        private void start(Path dir, RecordMode mode) {
            llmock = LlmockWireMock.newBuilder().config(LlmockConfig.none()).cassettes(dir).mode(mode)
                    .cassette("WireMockBenchmark").build();
            // The request journal off for all three stubs alike: 16 threads at full speed would fill it without bound.
            server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40)
                    .disableRequestJournal().extensions(llmock.extensions()));
            server.start();
            server.stubFor(get(urlPathTemplate("/llmock/customers/{id}")).willReturn(aResponse()
                    .withTransformers(LlmockResponseTransformer.NAME)
                    .withTransformerParameter("shape", SHAPE)));
            String base = "http://127.0.0.1:" + server.port();
            transformer = URI.create(base + "/llmock/customers/42");
            catchAll = URI.create(base + "/api/mock/customers/42?shape="
                    + URLEncoder.encode(SHAPE, StandardCharsets.UTF_8));
            plain = URI.create(base + "/plain/customers/42");
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        @TearDown(Level.Trial)
        public void stop() {
            server.stop();
            llmock.close();
        }

        String fetch(URI uri) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(uri + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                return response.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Benchmark
    public String llmockTransformer(Server server) {
        return server.fetch(server.transformer);
    }

    @Benchmark
    public String llmockCatchAll(Server server) {
        return server.fetch(server.catchAll);
    }

    @Benchmark
    public String plainStub(Server server) {
        return server.fetch(server.plain);
    }
}

package dev.llmock.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.llmock.BackendStats;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Goal 6: 1,000 Customers from a simulated OpenAI-compatible backend on loopback, in one batched request against
 * 1,000 requests of one record each. Time is what JMH reports; backend calls and prompt tokens per record come from
 * {@code llmock.stats()} and are written at the end of the trial to {@code <llmock.bench.data>/batching-<method>.json}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class BatchingBenchmark {
    static final int RECORDS = 1_000;

    private WireMockServer server;
    private OpenAiSimulator simulator;
    private Llmock llmock;
    private long records;
    private int round;

    @Setup(Level.Trial)
    public void setUp() {
        simulator = new OpenAiSimulator();
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .disableRequestJournal().extensions(simulator));
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withTransformers(OpenAiSimulator.NAME)));
        LlmockConfig config = LlmockConfig.parse("{\"backends\": [{\"name\": \"sim\", \"provider\": \"openai\","
                + " \"baseUrl\": \"http://127.0.0.1:" + server.port() + "/v1\", \"model\": \"simulated\"}]}",
                "BatchingBenchmark");
        llmock = Llmock.newBuilder().config(config).cache(false).build();
    }

    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) throws IOException {
        BackendStats stats = llmock.stats().backend("sim")
                .orElseThrow(() -> new IllegalStateException("no calls reached the simulated backend"));
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        Path dir = BenchData.dataDirectory();
        Files.writeString(dir.resolve("batching-" + method + ".json"), String.format(Locale.ROOT,
                "{\"records\": %d, \"calls\": %d, \"serverCalls\": %d, \"promptTokens\": %d,"
                        + " \"completionTokens\": %d, \"failures\": %d}%n",
                records, stats.calls(), simulator.calls(), stats.promptTokens(), stats.completionTokens(),
                stats.failures()));
        llmock.close();
        server.stop();
    }

    /** One request for 1,000 records: the engine batches them. */
    @Benchmark
    public Fixture batched() {
        Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(BenchData.CUSTOMER).count(RECORDS)
                .backend("sim").variant(round++).build());
        records += RECORDS;
        return fixture;
    }

    /** Baseline: 1,000 requests of one record each, as a loop over {@code generate} would make. */
    @Benchmark
    public int onePerCall() {
        int made = 0;
        for (int i = 0; i < RECORDS; i++) {
            made += llmock.generate(FixtureRequest.newBuilder().shape(BenchData.CUSTOMER).backend("sim")
                    .variant(round * RECORDS + i).build()).json().isObject() ? 1 : 0;
        }
        round++;
        records += RECORDS;
        return made;
    }
}

package dev.llmock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.Stage;
import dev.llmock.spi.BackendRequest;
import java.util.List;
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

/**
 * Goal 5: the multi-LLM patterns over simulated backends of 100, 400 and 400 ms. Parallel parts against the slowest
 * part called on its own; generate-enrich-validate against the three backends called one after the other by hand.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class PatternsBenchmark {
    private static final Shape DETAILS = Shape.parse("{\"name\":\"string\",\"description\":\"string\"}");
    private static final Shape PRICING = Shape.parse("{\"price\":0.0,\"currency\":\"EUR|USD\"}");
    private static final Shape INVENTORY = Shape.parse("{\"stock\":0,\"warehouse\":\"string\"}");

    private SleepingBackend fast;
    private SleepingBackend quality;
    private SleepingBackend premium;
    private Llmock llmock;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        fast = new SleepingBackend("fast", 100);
        quality = new SleepingBackend("quality", 400);
        premium = new SleepingBackend("premium", 400);
        llmock = Llmock.newBuilder().config(LlmockConfig.none()).cache(false)
                .backend(fast).backend(quality).backend(premium).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        llmock.close();
    }

    private int variant() {
        return next++ & 1023;
    }

    @Benchmark
    public Fixture parallelParts() {
        return llmock.generate(FixtureRequest.newBuilder()
                .part("details", DETAILS, "fast")
                .part("pricing", PRICING, "quality")
                .part("inventory", INVENTORY, "premium")
                .variant(variant())
                .build());
    }

    /** Baseline of {@link #parallelParts()}: the slowest part's backend, called directly. */
    @Benchmark
    public JsonNode slowestPartAlone() {
        return quality.call(request(Stage.Role.GENERATE, PRICING, null)).json();
    }

    @Benchmark
    public Fixture sequentialStages() {
        return llmock.generate(FixtureRequest.newBuilder()
                .shape(BenchData.CUSTOMER)
                .backend("fast")
                .enrich("quality")
                .validate("premium")
                .variant(variant())
                .build());
    }

    /** Baseline of {@link #sequentialStages()}: the three backends called one after the other, by hand. */
    @Benchmark
    public JsonNode sumOfStagesAlone() {
        JsonNode generated = fast.call(request(Stage.Role.GENERATE, BenchData.CUSTOMER, null)).json();
        JsonNode enriched = quality.call(request(Stage.Role.ENRICH, BenchData.CUSTOMER, generated)).json();
        return premium.call(request(Stage.Role.VALIDATE, BenchData.CUSTOMER, enriched)).json();
    }

    private BackendRequest request(Stage.Role role, Shape shape, JsonNode previous) {
        return new BackendRequest(role, shape, 1, 0, null, List.of(), previous, List.of(), null, variant(), null);
    }
}

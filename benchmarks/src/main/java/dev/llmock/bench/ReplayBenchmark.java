package dev.llmock.bench;

import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.instancio.Instancio;
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
 * Goal 1: a replayed fixture into a test. {@code generate} answered from a cassette of 1,000 entries (in-JVM cache
 * off, so every call goes to the cassette) and mapped to {@link Customer}, against Instancio creating a Customer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ReplayBenchmark {
    static final int ENTRIES = 1_000;

    private Cassette cassette;
    private Llmock llmock;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Path dir = BenchData.dataDirectory();
        String name = BenchData.recordedCassette(dir, ENTRIES);
        cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.REPLAY).build().open(name);
        llmock = Llmock.newBuilder().config(LlmockConfig.none()).cache(false).interceptor(cassette.interceptor()).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        llmock.close();
    }

    /** Builds the request as a test would, so the cassette key is hashed on every call. */
    @Benchmark
    public Customer llmockReplay() {
        int variant = next;
        next = variant + 1 == ENTRIES ? 0 : variant + 1;
        return llmock.generate(BenchData.customer(variant)).as(Customer.class);
    }

    @Benchmark
    public Customer instancio() {
        return Instancio.create(Customer.class);
    }
}

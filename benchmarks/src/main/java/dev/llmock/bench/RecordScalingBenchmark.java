package dev.llmock.bench;

import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Recording scales linearly: wall time to record N new entries into an empty cassette in mode RECORD (the synthetic
 * backend, cache off, the save at the end included), one recording per operation, for N = 1,000, 4,000 and 16,000.
 * Linear cost gives time(16,000) / time(1,000) = 16; the goal allows 20.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class RecordScalingBenchmark {
    @Param({"1000", "4000", "16000"})
    public int entries;

    private Path dir;

    @Setup(Level.Invocation)
    public void newDirectory() throws IOException {
        dir = Files.createTempDirectory("llmock-bench-record");
    }

    @TearDown(Level.Invocation)
    public void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public Cassette record() {
        try (Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build().open("scaling");
             Llmock llmock = Llmock.newBuilder().config(LlmockConfig.none()).cache(false)
                     .interceptor(cassette.interceptor()).build()) {
            for (int i = 0; i < entries; i++) {
                llmock.generate(BenchData.customer(i));
            }
            return cassette;
        }
    }
}

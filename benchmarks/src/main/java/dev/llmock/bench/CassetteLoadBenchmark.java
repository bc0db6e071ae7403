package dev.llmock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Goal 3 (time): a cassette of 10,000 entries opened and indexed in mode REPLAY, against Jackson reading the same file
 * into a {@link JsonNode}. The heap half of the goal is measured by {@link HeapProbe} in a JVM of its own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class CassetteLoadBenchmark {
    static final int ENTRIES = 10_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Path dir;
    private String name;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() {
        dir = BenchData.dataDirectory();
        name = BenchData.recordedCassette(dir, ENTRIES);
        file = dir.resolve(name + ".json");
    }

    /** A new {@link Cassettes} each time, since it hands out the same open cassette for the same name. */
    @Benchmark
    public Cassette llmockOpen() {
        return Cassettes.newBuilder().directory(dir).mode(RecordMode.REPLAY).build().open(name);
    }

    @Benchmark
    public JsonNode jacksonReadTree() throws IOException {
        return MAPPER.readTree(file.toFile());
    }
}

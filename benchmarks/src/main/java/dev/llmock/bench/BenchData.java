package dev.llmock.bench;

import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared inputs: the {@link Customer} shape, its requests, and cassettes recorded through the real engine. */
final class BenchData {
    /** System property naming a directory where recorded cassettes are kept across forks: {@value}. */
    static final String DATA_PROPERTY = "llmock.bench.data";

    static final Shape CUSTOMER = Shape.of(Customer.class);

    private BenchData() {
    }

    /** The request a test would make for its {@code variant}-th customer. */
    static FixtureRequest customer(int variant) {
        return FixtureRequest.newBuilder().shape(CUSTOMER).variant(variant).build();
    }

    /** The directory for recorded cassettes: {@value #DATA_PROPERTY}, else a new temporary directory. */
    static Path dataDirectory() {
        try {
            String configured = System.getProperty(DATA_PROPERTY);
            if (configured == null) {
                return Files.createTempDirectory("llmock-bench");
            }
            Path dir = Path.of(configured);
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cassette {@code customers-<entries>} in {@code dir}, holding customers of variants 0 to entries-1, recorded
     * through the engine with the synthetic backend unless the file is there already.
     *
     * <p>Mode RERECORD: into a new file it records exactly what RECORD would, without RECORD's look on every miss for
     * an older entry whose shape has since grown ({@link RecordScalingBenchmark} measures that one).
     */
    static String recordedCassette(Path dir, int entries) {
        String name = "customers-" + entries;
        if (Files.isRegularFile(dir.resolve(name + ".json"))) {
            return name;
        }
        Cassettes cassettes = Cassettes.newBuilder().directory(dir).mode(RecordMode.RERECORD).build();
        try (Cassette cassette = cassettes.open(name);
             Llmock llmock = Llmock.newBuilder().config(LlmockConfig.none()).cache(false)
                     .interceptor(cassette.interceptor()).build()) {
            for (int i = 0; i < entries; i++) {
                llmock.generate(customer(i));
            }
        }
        return name;
    }
}

package dev.llmock.bench;

import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A finding, not a goal: wall time to record N new entries into an empty cassette in mode RECORD and in mode RERECORD
 * (the synthetic backend, cache off), for growing N, after one unmeasured warm-up round. Linear cost doubles with N;
 * quadratic cost quadruples. Prints one JSON object.
 */
public final class RecordScaling {
    private static final int[] SIZES = {500, 1_000, 2_000};

    private RecordScaling() {
    }

    public static void main(String[] args) throws IOException {
        record(RecordMode.RECORD, 300);
        record(RecordMode.RERECORD, 300);
        StringBuilder json = new StringBuilder("{");
        for (RecordMode mode : new RecordMode[] {RecordMode.RECORD, RecordMode.RERECORD}) {
            json.append(json.length() > 1 ? ", " : "").append('"').append(mode.id()).append("\": {");
            for (int i = 0; i < SIZES.length; i++) {
                json.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "\"%d\": %.1f", SIZES[i],
                        record(mode, SIZES[i])));
            }
            json.append('}');
        }
        System.out.println(json.append('}'));
    }

    /** Milliseconds to record {@code entries} requests into a new cassette, the save at the end included. */
    private static double record(RecordMode mode, int entries) throws IOException {
        Path dir = Files.createTempDirectory("llmock-bench-record");
        long start = System.nanoTime();
        try (Cassette cassette = Cassettes.newBuilder().directory(dir).mode(mode).build().open("scaling");
             Llmock llmock = Llmock.newBuilder().config(LlmockConfig.none()).cache(false)
                     .interceptor(cassette.interceptor()).build()) {
            for (int i = 0; i < entries; i++) {
                llmock.generate(BenchData.customer(i));
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        Files.deleteIfExists(dir.resolve("scaling.json"));
        Files.deleteIfExists(dir);
        return millis;
    }
}

package dev.llmock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Goal 3 (heap): retained heap of an open 10,000-entry cassette and of Jackson's tree of the same file, each
 * measured as used heap after full GCs with the object held, minus used heap after full GCs before loading it,
 * {@value #ROUNDS} times. Run it in a JVM of its own with {@code -XX:+UseSerialGC} (so {@link System#gc()} is a full,
 * compacting, stop-the-world collection). Writes one JSON object to stdout.
 */
public final class HeapProbe {
    private static final int ROUNDS = 5;

    private HeapProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = BenchData.dataDirectory();
        String name = BenchData.recordedCassette(dir, CassetteLoadBenchmark.ENTRIES);
        Path file = dir.resolve(name + ".json");
        // Warm up class loading of both paths, so loaded classes are not counted as retained data.
        open(dir, name);
        new ObjectMapper().readTree(file.toFile());

        Series cassetteMib = new Series("MiB");
        Series treeMib = new Series("MiB");
        for (int round = 0; round < ROUNDS; round++) {
            long before = usedAfterGc();
            Cassette cassette = open(dir, name);
            cassetteMib.add((usedAfterGc() - before) / 1048576.0);
            Reference.reachabilityFence(cassette);
            cassette = null;

            ObjectMapper mapper = new ObjectMapper();
            long beforeTree = usedAfterGc();
            JsonNode tree = mapper.readTree(file.toFile());
            treeMib.add((usedAfterGc() - beforeTree) / 1048576.0);
            Reference.reachabilityFence(tree);
            tree = null;
        }
        ObjectNode json = Series.JSON.createObjectNode().put("fileMib", Files.size(file) / 1048576.0)
                .put("entries", CassetteLoadBenchmark.ENTRIES);
        json.set("cassetteRetainedMib", cassetteMib.toJson());
        json.set("jacksonTreeRetainedMib", treeMib.toJson());
        System.out.println(Series.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    /** A new {@link Cassettes} each time, since one hands out the same open cassette for the same name. */
    private static Cassette open(Path dir, String name) {
        return Cassettes.newBuilder().directory(dir).mode(RecordMode.REPLAY).build().open(name);
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}

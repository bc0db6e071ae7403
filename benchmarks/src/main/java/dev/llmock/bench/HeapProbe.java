package dev.llmock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Goal 3 (heap): retained heap of an open 10,000-entry cassette and of Jackson's tree of the same file, each
 * measured as used heap after full GCs with the object held, minus used heap after full GCs before loading it.
 * Run it in a JVM of its own with {@code -XX:+UseSerialGC} (so {@link System#gc()} is a full, compacting, stop-the-world
 * collection). Prints one JSON object.
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = BenchData.dataDirectory();
        String name = BenchData.recordedCassette(dir, CassetteLoadBenchmark.ENTRIES);
        Path file = dir.resolve(name + ".json");
        long fileBytes = Files.size(file);
        // Warm up class loading of both paths, so loaded classes are not counted as retained data.
        Cassettes.newBuilder().directory(dir).mode(RecordMode.REPLAY).build().open(name);
        new ObjectMapper().readTree(file.toFile());

        long before = usedAfterGc();
        Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.REPLAY).build().open(name);
        long withCassette = usedAfterGc();
        Reference.reachabilityFence(cassette);
        cassette = null;

        ObjectMapper mapper = new ObjectMapper();
        long beforeTree = usedAfterGc();
        JsonNode tree = mapper.readTree(file.toFile());
        long withTree = usedAfterGc();
        Reference.reachabilityFence(tree);

        System.out.printf(Locale.ROOT, "{\"fileBytes\": %d, \"cassetteRetainedBytes\": %d,"
                        + " \"jacksonTreeRetainedBytes\": %d, \"entries\": %d}%n",
                fileBytes, withCassette - before, withTree - beforeTree, CassetteLoadBenchmark.ENTRIES);
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

package dev.llmock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scale: {@code llmock generate --count N --out users.jsonl} against {@link DatafakerJsonl} writing the same JSONL,
 * each a fresh JVM with {@code -Xmx256m}, alternately. For each run: wall time of the whole process, peak resident
 * memory (the kernel's VmHWM), peak used heap (the largest before a collection, or at exit) and live heap (the largest
 * after a collection), both from the JVM's own GC log; the output is checked to hold N lines with the shape's fields. Writes one JSON object.
 *
 * <p>Usage: {@code ScaleRun <rounds> <count> <llmock.jar> <work directory> <out.json>}
 */
public final class ScaleRun {
    /** The record both sides write. */
    static final String SHAPE = "{\"name\":\"string\",\"email\":\"email\",\"age\":0,"
            + "\"address\":{\"city\":\"string\",\"state\":\"string\",\"zip\":\"string\"}}";
    static final String MAX_HEAP = "-Xmx256m";
    private static final long TIMEOUT_SECONDS = 900;
    /** A G1 or Serial pause line's "before->after(committed)", e.g. {@code 120M->12M(256M)}. */
    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");
    /** The heap summary at exit, e.g. {@code garbage-first heap   total 262144K, used 123456K}. */
    private static final Pattern EXIT_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private ScaleRun() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        String llmockJar = args[2];
        Path work = Files.createDirectories(Path.of(args[3]));
        Path out = Path.of(args[4]);
        Side llmock = new Side();
        Side datafaker = new Side();
        for (int round = 0; round < rounds; round++) {
            Path file = work.resolve("users.jsonl");
            Path gcLog = work.resolve("gc-llmock.log");
            List<String> command = new ArrayList<>(List.of(JavaCommand.java(), MAX_HEAP, gcLogOption(gcLog), "-jar",
                    llmockJar, "generate", "--shape", SHAPE, "--count", Integer.toString(count), "--out",
                    file.toString(), "--quiet"));
            llmock.add(ChildRun.of(command, '\0', true, TIMEOUT_SECONDS), count, file, gcLog);

            file = work.resolve("users-datafaker.jsonl");
            gcLog = work.resolve("gc-datafaker.log");
            command = JavaCommand.main(List.of(MAX_HEAP, gcLogOption(gcLog)), DatafakerJsonl.class,
                    Integer.toString(count), file.toString());
            datafaker.add(ChildRun.of(command, '\0', true, TIMEOUT_SECONDS), count, file, gcLog);
        }
        ObjectNode json = Series.JSON.createObjectNode().put("count", count).put("maxHeap", MAX_HEAP)
                .put("shape", SHAPE);
        json.set("llmock", llmock.toJson());
        json.set("datafaker", datafaker.toJson());
        Files.writeString(out, Series.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    private static String gcLogOption(Path gcLog) {
        return "-Xlog:gc,gc+heap+exit:file=" + gcLog;
    }

    /** The runs of one side. */
    private static final class Side {
        final Series seconds = new Series("s");
        final Series recordsPerSecond = new Series("records/s");
        final Series peakRssMib = new Series("MiB");
        final Series peakHeapMib = new Series("MiB");
        final Series liveHeapMib = new Series("MiB");
        long fileBytes;

        void add(ChildRun run, int count, Path file, Path gcLog) throws IOException {
            long lines = checkedLines(file);
            if (lines != count) {
                throw new IllegalStateException(file + " has " + lines + " lines, expected " + count);
            }
            fileBytes = Files.size(file);
            seconds.add(run.exitMillis() / 1e3);
            recordsPerSecond.add(count / (run.exitMillis() / 1e3));
            peakRssMib.add(run.peakRssKib() / 1024.0);
            long[] heap = heapKib(gcLog);
            peakHeapMib.add(heap[0] / 1024.0);
            liveHeapMib.add(heap[1] / 1024.0);
            Files.delete(file);
            Files.delete(gcLog);
        }

        ObjectNode toJson() {
            ObjectNode node = Series.JSON.createObjectNode().put("fileBytes", fileBytes);
            node.set("seconds", seconds.toJson());
            node.set("recordsPerSecond", recordsPerSecond.toJson());
            node.set("peakRssMib", peakRssMib.toJson());
            node.set("peakHeapMib", peakHeapMib.toJson());
            node.set("liveHeapMib", liveHeapMib.toJson());
            return node;
        }
    }

    /** Counts the lines of a JSONL file, checking that the first has the shape's fields. */
    private static long checkedLines(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            JsonNode first = Series.JSON.readTree(reader.readLine());
            if (!first.path("address").has("zip") || !first.has("email")) {
                throw new IllegalStateException(file + " does not hold the shape's records: " + first);
            }
        }
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                for (int i = 0; i < read; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
            }
        }
        return lines;
    }

    /**
     * The largest used heap (before a collection, or at exit) and the largest heap left after a collection (what
     * was still reachable), in KiB.
     */
    private static long[] heapKib(Path gcLog) throws IOException {
        long peak = 0;
        long live = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                peak = Math.max(peak, kib(Long.parseLong(pause.group(1)), pause.group(2)));
                live = Math.max(live, kib(Long.parseLong(pause.group(3)), pause.group(4)));
            }
            Matcher exit = EXIT_USED.matcher(line);
            if (exit.find()) {
                peak = Math.max(peak, Long.parseLong(exit.group(1)));
            }
        }
        return new long[] {peak, live};
    }

    private static long kib(long value, String unit) {
        return switch (unit) {
            case "G" -> value * 1024 * 1024;
            case "M" -> value * 1024;
            default -> value;
        };
    }
}

package dev.llmock.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * JUnit start-up: {@link LlmockFirstFixtureCase} (replaying from a cassette) against {@link InstancioFirstFixtureCase},
 * each run by {@link FirstFixtureProbe} in a fresh JVM, alternately, after one recording run and two unmeasured
 * rounds. For each: milliseconds from the class's start to its first injected fixture, and to the JVM's end.
 * Writes one JSON object.
 *
 * <p>Usage: {@code FirstFixtureTimes <rounds> <cassette directory> <out.json>}
 */
public final class FirstFixtureTimes {
    private static final int WARM_UP_ROUNDS = 2;
    private static final long TIMEOUT_SECONDS = 120;
    private static final String PREFIX = "firstFixtureMillis=";

    private FirstFixtureTimes() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[0]);
        Path cassettes = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(cassettes);
        String dir = "-Dllmock.cassettes.dir=" + cassettes.toAbsolutePath();
        // Record the one entry first, as a developer's first run would; every measured run replays it.
        probe(List.of(dir, "-Dllmock.mode=record"), LlmockFirstFixtureCase.class);
        List<String> replay = List.of(dir, "-Dllmock.mode=replay");
        Series llmockFirst = new Series("ms");
        Series llmockExit = new Series("ms");
        Series instancioFirst = new Series("ms");
        Series instancioExit = new Series("ms");
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            ChildRun llmock = probe(replay, LlmockFirstFixtureCase.class);
            ChildRun instancio = probe(replay, InstancioFirstFixtureCase.class);
            if (round >= 0) {
                llmockFirst.add(firstFixtureMillis(llmock));
                llmockExit.add(llmock.exitMillis());
                instancioFirst.add(firstFixtureMillis(instancio));
                instancioExit.add(instancio.exitMillis());
            }
        }
        ObjectNode json = Series.JSON.createObjectNode();
        json.putObject("llmock").<ObjectNode>set("firstFixture", llmockFirst.toJson()).set("exit", llmockExit.toJson());
        json.putObject("instancio").<ObjectNode>set("firstFixture", instancioFirst.toJson())
                .set("exit", instancioExit.toJson());
        Files.writeString(out, Series.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    private static ChildRun probe(List<String> jvmOptions, Class<?> testClass) {
        return ChildRun.of(JavaCommand.main(jvmOptions, FirstFixtureProbe.class, testClass.getName()), '\0', false,
                TIMEOUT_SECONDS);
    }

    private static double firstFixtureMillis(ChildRun run) {
        return run.stdoutHead().lines().filter(line -> line.startsWith(PREFIX)).findFirst()
                .map(line -> Double.parseDouble(line.substring(PREFIX.length())))
                .orElseThrow(() -> new IllegalStateException("No " + PREFIX + " in " + run.stdoutHead()));
    }
}

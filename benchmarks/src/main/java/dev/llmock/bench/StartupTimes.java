package dev.llmock.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Start-up: a command that prints records (normally {@code java -jar cli/target/llmock.jar generate --shape ...
 * --count 3}) against {@link HelloWorld}, each run as a fresh process, alternately, after two unmeasured rounds
 * (so the jars are in the page cache for both). For each: milliseconds to the first {@code '{'} on stdout (the first
 * record) and to the process's end. Writes one JSON object.
 *
 * <p>Usage: {@code StartupTimes <rounds> <out.json> -- <command...>}
 */
public final class StartupTimes {
    private static final int WARM_UP_ROUNDS = 2;
    private static final long TIMEOUT_SECONDS = 120;

    private StartupTimes() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        List<String> command = List.of(Arrays.copyOfRange(args, 3, args.length));
        List<String> hello = JavaCommand.main(List.of(), HelloWorld.class);
        Series commandFirst = new Series("ms");
        Series commandExit = new Series("ms");
        Series helloFirst = new Series("ms");
        Series helloExit = new Series("ms");
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            ChildRun records = ChildRun.of(command, '{', false, TIMEOUT_SECONDS);
            ChildRun baseline = ChildRun.of(hello, '{', false, TIMEOUT_SECONDS);
            if (Double.isNaN(records.firstMarkerMillis())) {
                throw new IllegalStateException("No record on stdout from " + command + ": " + records.stdoutHead());
            }
            if (round >= 0) {
                commandFirst.add(records.firstMarkerMillis());
                commandExit.add(records.exitMillis());
                helloFirst.add(baseline.firstMarkerMillis());
                helloExit.add(baseline.exitMillis());
            }
        }
        ObjectNode json = Series.JSON.createObjectNode();
        command.forEach(json.putArray("command")::add);
        json.putObject("llmock").<ObjectNode>set("firstRecord", commandFirst.toJson()).set("exit", commandExit.toJson());
        json.putObject("hello").<ObjectNode>set("firstRecord", helloFirst.toJson()).set("exit", helloExit.toJson());
        Files.writeString(out, Series.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }
}

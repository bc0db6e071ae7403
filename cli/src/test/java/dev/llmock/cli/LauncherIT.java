package dev.llmock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.Json;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cli/llmock}, the launcher that runs the packaged jar with a class-data sharing archive of its own, run as a
 * user runs it (after {@code package}, by failsafe; needs {@code sh}).
 */
class LauncherIT {
    static final String SHAPE = "{\"name\":\"string\",\"email\":\"email\"}";
    /** Only to stop a hung process. */
    static final long HANG_SECONDS = 120;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsAShell() {
        assumeTrue(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(entry -> Files.isExecutable(Path.of(entry, "sh"))), "no sh on the PATH: the launcher is a"
                + " POSIX shell script (on Windows, run java -jar llmock.jar)");
    }

    @Test
    void theFirstRunWritesAnArchiveThatLaterRunsUseAndBothPrintTheSameRecords() throws Exception {
        Path archives = dir.resolve("cds");

        Run first = launch(Map.of("LLMOCK_CDS_DIR", archives.toString()), "generate", "--shape", SHAPE, "--count",
                "3");
        List<Path> written = archives(archives);
        Run second = launch(Map.of("LLMOCK_CDS_DIR", archives.toString()), "generate", "--shape", SHAPE, "--count",
                "3");

        assertThat(first.exit()).as(first.stderr()).isZero();
        assertThat(Json.MAPPER.readTree(first.stdout())).hasSize(3);
        assertThat(written).hasSize(1);
        assertThat(written.get(0).getFileName().toString()).startsWith("llmock-").endsWith(".jsa");
        assertThat(Files.size(written.get(0))).isPositive();
        assertThat(second.exit()).as(second.stderr()).isZero();
        assertThat(Json.MAPPER.readTree(second.stdout())).isEqualTo(Json.MAPPER.readTree(first.stdout()));
        assertThat(archives(archives)).isEqualTo(written);
    }

    @Test
    void withTheArchiveTurnedOffNothingIsWrittenAndTheCommandStillRuns() throws Exception {
        Path archives = dir.resolve("cds");

        Run run = launch(Map.of("LLMOCK_CDS_DIR", archives.toString(), "LLMOCK_CDS", "off"), "generate", "--shape",
                SHAPE, "--count", "2");

        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode records = Json.MAPPER.readTree(run.stdout());
        assertThat(records).hasSize(2);
        assertThat(archives).doesNotExist();
    }

    @Test
    void shortCommandsRunOnTheC1CompilerAloneAndLongerOnesKeepTheFullJit() throws Exception {
        Map<String, String> printFlags = Map.of("LLMOCK_CDS", "off", "LLMOCK_JAVA_OPTS", "-XX:+PrintFlagsFinal");

        assertThat(tieredStopAtLevel(launch(printFlags, "generate", "--shape", SHAPE, "--count", "3"))).isEqualTo(1);
        assertThat(tieredStopAtLevel(launch(printFlags, "generate", "--shape", SHAPE, "--count=10000", "--out",
                dir.resolve("few.jsonl").toString(), "--quiet"))).isEqualTo(1);
        assertThat(tieredStopAtLevel(launch(printFlags, "generate", "--shape", SHAPE, "-n", "10001", "--out",
                dir.resolve("many.jsonl").toString(), "--quiet"))).isEqualTo(4);
        assertThat(tieredStopAtLevel(launch(printFlags, "validate", "--help"))).isEqualTo(4);
        assertThat(tieredStopAtLevel(launch(Map.of("LLMOCK_CDS", "off", "LLMOCK_JAVA_OPTS",
                "-XX:TieredStopAtLevel=4 -XX:+PrintFlagsFinal"), "--version"))).as("the user's choice wins").isEqualTo(4);
    }

    @Test
    void aJarThatIsNotThereExitsWithBadInputAndSaysWhatToSet() throws Exception {
        Run run = launch(Map.of("LLMOCK_JAR", dir.resolve("missing.jar").toString()), "--version");

        assertThat(run.exit()).isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(run.stderr()).contains("llmock: LLMOCK_JAR=" + dir.resolve("missing.jar")
                + " is not a file; point it at llmock.jar.");
    }

    /** What one run of the launcher printed and how it ended. */
    private record Run(int exit, String stdout, String stderr) {
    }

    private Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", Path.of("llmock").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("LLMOCK_JAR", Path.of("target", "llmock.jar").toAbsolutePath().toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(HANG_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not end within " + HANG_SECONDS + " s: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The level the JVM stopped tiered compilation at, from {@code -XX:+PrintFlagsFinal}'s table. */
    private static int tieredStopAtLevel(Run run) {
        assertThat(run.exit()).as(run.stderr()).isZero();
        Matcher flag = Pattern.compile("\\bTieredStopAtLevel\\s+=\\s+(\\d)").matcher(run.stdout());
        assertThat(flag.find()).as("-XX:+PrintFlagsFinal printed TieredStopAtLevel").isTrue();
        return Integer.parseInt(flag.group(1));
    }

    private static List<Path> archives(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}

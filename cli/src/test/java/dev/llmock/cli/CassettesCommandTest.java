package dev.llmock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CassettesCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = LlmockCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private void record(String name, Instant at, int... variants) {
        try (Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build().open(name);
             Llmock llmock = Llmock.newBuilder().interceptor(cassette.interceptor())
                     .clock(Clock.fixed(at, ZoneOffset.UTC)).build()) {
            for (int variant : variants) {
                llmock.generate(FixtureRequest.newBuilder().shape("{\"name\":\"string\"}").variant(variant).build());
            }
        }
    }

    @Test
    void verifyPassesSoundCassettesAndFailsCorruptOnes() throws Exception {
        record("UserTest", Instant.parse("2024-05-01T10:00:00Z"), 0, 1);

        assertThat(run("cassettes", "verify", dir.toString())).isEqualTo(LlmockCommand.OK);
        assertThat(out.toString()).startsWith("OK     " + dir.resolve("UserTest.json") + ": 2 entries (synthetic 2),")
                .endsWith("1 cassette, 0 failed." + System.lineSeparator());

        Files.writeString(dir.resolve("Broken.json"), "{\"version\": 1,");
        out.getBuffer().setLength(0);
        assertThat(run("cassettes", "verify", dir.toString())).isEqualTo(LlmockCommand.FAILURE);
        assertThat(out.toString()).contains("FAILED " + dir.resolve("Broken.json") + System.lineSeparator()
                + "  The cassette " + dir.resolve("Broken.json") + " is not valid JSON at line 1")
                .contains("2 cassettes, 1 failed.");
    }

    @Test
    void statsDescribesEveryCassette() {
        record("UserTest", Instant.parse("2024-05-01T10:00:00Z"), 0);
        record("OrderTest", Instant.parse("2024-06-01T10:00:00Z"), 0, 1, 2);

        assertThat(run("cassettes", "stats", dir.toString())).isEqualTo(LlmockCommand.OK);

        assertThat(out.toString()).contains(dir.resolve("OrderTest.json") + ": 3 entries (synthetic 3), recorded"
                        + " 2024-06-01T10:00:00Z .. 2024-06-01T10:00:00Z, ")
                .contains(dir.resolve("UserTest.json") + ": 1 entry (synthetic 1)")
                .endsWith("2 cassettes, 4 entries." + System.lineSeparator());
    }

    @Test
    void pruneRemovesEntriesOlderThanMaxAge() {
        Instant old = Instant.now().minus(Duration.ofDays(60));
        record("UserTest", old, 0, 1);
        record("UserTest", Instant.now(), 2);

        assertThat(run("cassettes", "prune", dir.toString(), "--max-age", "P30D")).isEqualTo(LlmockCommand.OK);

        assertThat(out.toString()).isEqualTo(dir.resolve("UserTest.json") + ": removed 2 entries"
                + System.lineSeparator() + "Removed 2 entries older than PT720H." + System.lineSeparator());
        assertThat(Cassettes.stats(dir.resolve("UserTest.json")).entries()).isEqualTo(1);
    }

    @Test
    void aBadMaxAgeOrAMissingDirectoryIsBadInput() {
        assertThat(run("cassettes", "prune", dir.toString(), "--max-age", "30d")).isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(err.toString()).contains("llmock: --max-age must be a positive ISO-8601 duration such as P30D,"
                + " but was \"30d\".");
        assertThat(run("cassettes", "stats", dir.resolve("none").toString())).isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(err.toString()).contains("llmock: No cassette directory at " + dir.resolve("none") + ".");
    }
}

package dev.llmock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.CassetteSettings;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
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

    @Test
    void pruneAndVerifySkipAFileNoCassetteCanBeNamedAfterWithAWarningAndProcessTheOthers() throws Exception {
        Instant old = Instant.now().minus(Duration.ofDays(60));
        record("UserTest", old, 0);
        Files.copy(dir.resolve("UserTest.json"), dir.resolve("a..b.json"));

        assertThat(run("cassettes", "prune", dir.toString(), "--max-age", "P30D")).isEqualTo(LlmockCommand.OK);
        assertThat(err.toString()).isEqualTo("llmock: skipped " + dir.resolve("a..b.json") + ": \"a..b\" is not a"
                + " name a cassette can have (it must not start with '.' or contain '..', '/' or '\\'); rename the"
                + " file to use it" + System.lineSeparator());
        assertThat(Cassettes.stats(dir.resolve("UserTest.json")).entries()).isZero();

        out.getBuffer().setLength(0);
        assertThat(run("cassettes", "verify", dir.toString())).isEqualTo(LlmockCommand.OK);
        assertThat(out.toString()).contains("SKIPPED " + dir.resolve("a..b.json") + ": \"a..b\" is not a name")
                .contains("2 cassettes, 0 failed, 1 skipped.");
    }

    @Test
    void verifyReportsAnEmptyCassetteFile() throws Exception {
        Files.createFile(dir.resolve("Empty.json"));

        assertThat(run("cassettes", "verify", dir.toString())).isEqualTo(LlmockCommand.FAILURE);

        assertThat(out.toString()).isEqualTo("FAILED " + dir.resolve("Empty.json") + System.lineSeparator()
                + "  The cassette " + dir.resolve("Empty.json") + " is empty, so it holds no cassette: delete it, or"
                + " record again with -Dllmock.mode=record." + System.lineSeparator()
                + "1 cassette, 1 failed." + System.lineSeparator());
    }

    @Test
    void pruneGivesUpOnALockAnotherProcessHoldsNamingTheLockFileAndItsHolder() throws Exception {
        record("UserTest", Instant.now().minus(Duration.ofDays(60)), 0);
        Path lock = dir.resolve(".llmock.lock");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), lock.toString()).redirectErrorStream(true).start();
        System.setProperty(CassetteSettings.LOCK_TIMEOUT_PROPERTY, "PT1S");
        try (BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(said.readLine()).isEqualTo("locked");

            int exit = run("cassettes", "prune", dir.toString(), "--max-age", "P30D");

            assertThat(exit).isEqualTo(LlmockCommand.FAILURE);
            assertThat(err.toString()).startsWith("llmock: The cassette " + dir.resolve("UserTest.json") + " was not"
                    + " written: its directory's lock " + dir.toRealPath().resolve(".llmock.lock") + " is held by pid "
                    + holder.pid() + " (a test holding the lock), and was not free within 1 s. Wait for that writer"
                    + " to finish, stop it, or raise llmock.cassettes.lockTimeout.");
        } finally {
            System.clearProperty(CassetteSettings.LOCK_TIMEOUT_PROPERTY);
            holder.getOutputStream().close();
            holder.waitFor(30, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
        assertThat(Cassettes.stats(dir.resolve("UserTest.json")).entries()).as("left as it was").isEqualTo(1);
    }
}

package dev.llmock.cassette;

import static dev.llmock.cassette.TestBackend.generate;
import static dev.llmock.cassette.TestBackend.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.LlmockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What saving does to the file system: permissions, read-only files, links, damaged files, the lock file. */
class FileSafetyTest {
    static final String USER = "{\"name\":\"string\",\"age\":0}";

    @TempDir
    Path dir;

    private Cassette open(String name) {
        return Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).flushAfter(Duration.ZERO).build()
                .open(name);
    }

    private static void record(Cassette cassette, String prompt) {
        generate(cassette, TestBackend.synthetic(), request(USER).prompt(prompt).build());
    }

    private Path seeded(String name) {
        Cassette cassette = open(name);
        record(cassette, "first");
        cassette.save();
        return dir.resolve(name + ".json");
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void savingKeepsTheFilesPermissions() throws Exception {
        Path file = seeded("UserTest");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Cassette cassette = open("UserTest");
        record(cassette, "second");

        assertThat(cassette.save()).isTrue();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        assertThat(Cassettes.stats(file).entries()).isEqualTo(2);
    }

    @Test
    void aReadOnlyCassetteIsRefusedNotReplacedAndItsNewEntriesAreWrittenBesideIt() throws Exception {
        Path file = seeded("UserTest");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        String before = Files.readString(file);
        Cassette cassette = open("UserTest");
        record(cassette, "second");

        assertThatThrownBy(cassette::save).isInstanceOf(LlmockException.class)
                .hasMessageStartingWith("The cassette " + file + " is read-only; llmock does not replace a read-only"
                        + " cassette. Make it writable (chmod u+w) to record into it, or record into another"
                        + " directory. The 2 entries held in memory (1 changed in this run) were written to "
                        + dir.resolve("UserTest.recovered-"));

        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--r--r--");
        Path recovered = recovered("UserTest");
        assertThat(Cassettes.stats(recovered).entries()).isEqualTo(2);
    }

    @Test
    void aCassetteInAReadOnlyDirectoryIsRefusedWithAMessage() throws Exception {
        Path file = seeded("UserTest");
        String before = Files.readString(file);
        Cassette cassette = open("UserTest");
        record(cassette, "second");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(cassette::save).isInstanceOf(LlmockException.class)
                    .hasMessage("The cassette " + file + " cannot be written: its directory " + dir.toRealPath()
                            + " is read-only. Make the directory writable to record into it, or record into another"
                            + " directory.");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(cassette.save()).as("the entries were kept for a later save").isTrue();
        assertThat(Cassettes.stats(file).entries()).isEqualTo(2);
    }

    @Test
    void aCassetteThatIsASymbolicLinkIsWrittenThroughToItsTarget() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path target = shared.resolve("Common.json");
        Path link = Files.createSymbolicLink(dir.resolve("UserTest.json"), target);
        Cassette cassette = open("UserTest");
        record(cassette, "first");

        cassette.save();

        assertThat(Files.isSymbolicLink(link)).as("the link stays a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
        assertThat(Cassettes.stats(target).entries()).isEqualTo(1);
        assertThat(shared.resolve(".llmock.lock")).as("locked in the target's directory").exists();
    }

    @Test
    void aCassetteDamagedOnDiskBeforeSavingIsReportedAndTheNewEntriesAreWrittenBesideIt() throws Exception {
        Path file = seeded("UserTest");
        Cassette cassette = open("UserTest");
        record(cassette, "second");
        Files.writeString(file, "{\"version\": 1, \"entries\": {");

        assertThatThrownBy(cassette::save).isInstanceOf(CorruptCassetteException.class)
                .hasMessageContaining("The 2 entries held in memory (1 changed in this run) were written to "
                        + dir.resolve("UserTest.recovered-"))
                .hasMessageEndingWith("; once the cassette is fixed or deleted, rename that file to take its place.");

        assertThat(Files.readString(file)).isEqualTo("{\"version\": 1, \"entries\": {");
        assertThat(Cassettes.stats(recovered("UserTest")).entries()).isEqualTo(2);
    }

    @Test
    void everyCassetteOfADirectorySharesOneLockFileNextToThemThatEveryoneMayWrite() throws Exception {
        String unique = "Lock" + UUID.randomUUID().toString().replace("-", "");
        seeded(unique + "A");
        seeded(unique + "B");

        assertThat(names()).containsExactly(".llmock.lock", unique + "A.json", unique + "B.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".llmock.lock"))))
                .isEqualTo("rw-rw-rw-");
        Path tempLocks = Path.of(System.getProperty("java.io.tmpdir"), "llmock-locks");
        if (Files.isDirectory(tempLocks)) {
            try (Stream<Path> locks = Files.list(tempLocks)) {
                assertThat(locks.map(Path::getFileName).map(Path::toString))
                        .as("no lock left in the temp directory").noneMatch(name -> name.startsWith(unique));
            }
        }
    }

    @Test
    void recordedEntriesReachTheFileSoonWithoutASave() throws Exception {
        Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD)
                .flushAfter(Duration.ofMillis(50)).build().open("UserTest");
        record(cassette, "first");
        record(cassette, "second");
        Path file = dir.resolve("UserTest.json");

        Instant deadline = Instant.now().plusSeconds(30);
        while (!(Files.exists(file) && Cassettes.stats(file).entries() == 2) && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }

        assertThat(Cassettes.stats(file).entries()).isEqualTo(2);
        assertThat(cassette.save()).as("nothing left to write").isFalse();
    }

    private Path recovered(String name) throws Exception {
        List<String> recovered = names().stream().filter(n -> n.startsWith(name + ".recovered-")).toList();
        assertThat(recovered).hasSize(1);
        assertThat(recovered.get(0)).matches(name + "\\.recovered-\\d{8}T\\d{6}Z\\.json");
        return dir.resolve(recovered.get(0));
    }
}

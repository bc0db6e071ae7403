package dev.llmock.cassette.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.LlmockException;
import dev.llmock.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
    @TempDir
    Path dir;

    private static ObjectNode entry(String name) {
        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.putObject("request").put("count", 1);
        entry.putObject("fixture").put("name", name);
        entry.putObject("provenance").put("recordedAt", "2024-05-01T10:00:00Z");
        return entry;
    }

    private Path seeded() {
        Path file = dir.resolve("UserTest.json");
        new CassetteFile(file).update(entries -> entries.put("a", entry("Ada")));
        return file;
    }

    @Test
    void aWriteInterruptedBeforeTheMoveLeavesThePreviousFileIntact() throws Exception {
        Path file = seeded();
        String before = Files.readString(file);
        CassetteFile crashing = new CassetteFile(file, Duration.ofSeconds(5), () -> {
            throw new IllegalStateException("power cut");
        });

        assertThatThrownBy(() -> crashing.update(entries -> entries.put("b", entry("Bo"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("power cut");

        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(new CassetteFile(file).read()).containsOnlyKeys("a");
        assertThat(siblings()).containsExactlyInAnyOrder("UserTest.json", ".llmock.lock");
    }

    @Test
    void aTemporaryFileLeftByACrashIsIgnoredAndRemovedByTheNextWrite() throws Exception {
        Path file = seeded();
        String before = Files.readString(file);
        Path leftover = dir.resolve("UserTest.json.123456789.tmp");
        Files.writeString(leftover, before.substring(0, before.length() / 2));

        assertThat(new CassetteFile(file).read()).containsOnlyKeys("a");
        assertThat(CassetteVerifier.check(file, null, java.time.Clock.systemUTC()).problems()).contains(
                "leftover temporary file UserTest.json.123456789.tmp from an interrupted write; the next save"
                        + " removes it");

        new CassetteFile(file).update(entries -> entries.put("b", entry("Bo")));

        assertThat(leftover).doesNotExist();
        assertThat(new CassetteFile(file).read()).containsOnlyKeys("a", "b");
    }

    @Test
    void anotherCassettesTemporaryFileIsLeftAlone() throws Exception {
        Path file = seeded();
        Path other = dir.resolve("UserTest.json.x.json.42.tmp");
        Files.writeString(other, "{}");

        new CassetteFile(file).update(entries -> entries.put("b", entry("Bo")));

        assertThat(other).exists();
    }

    @Test
    void anUnwritableDirectoryFailsNamingTheFile() throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where a directory should be");
        Path file = blocker.resolve("UserTest.json");

        assertThatThrownBy(() -> new CassetteFile(file).update(entries -> entries.put("a", entry("Ada"))))
                .isInstanceOf(LlmockException.class)
                .hasMessageStartingWith("The cassette " + file + " could not be written (FileAlreadyExistsException: ")
                .hasMessageEndingWith("); the previous file is unchanged.");
    }

    @Test
    void writingTheSameEntriesAgainDoesNotTouchTheFile() throws Exception {
        Path file = seeded();
        var modified = Files.getLastModifiedTime(file);
        Thread.sleep(20);

        boolean wrote = new CassetteFile(file).update(entries -> entries.put("a", entry("Ada")));

        assertThat(wrote).isFalse();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    }

    @Test
    void renderSortsEntriesByKey() {
        TreeMap<String, ObjectNode> entries = new TreeMap<>();
        entries.put("b", entry("Bo"));
        entries.put("a", entry("Ada"));
        String text = CassetteFile.render(entries);
        assertThat(text.indexOf("\"a\"")).isLessThan(text.indexOf("\"b\""));
        assertThat(text).startsWith("{\n  \"version\": 1,\n  \"entries\": {\n    \"a\": {\n").endsWith("}\n");
    }

    private java.util.List<String> siblings() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}

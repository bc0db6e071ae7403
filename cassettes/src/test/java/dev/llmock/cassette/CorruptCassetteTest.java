package dev.llmock.cassette;

import static dev.llmock.cassette.TestBackend.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptCassetteTest {
    static final String BROKEN = "{\n  \"version\": 1,\n  \"entries\": {\n    \"abc\": {\"test\": \"x\",}\n  }\n}\n";

    @TempDir
    Path dir;

    @Test
    void corruptJsonIsReportedWithPathLineAndColumn() throws Exception {
        Path file = dir.resolve("UserTest.json");
        Files.writeString(file, BROKEN);

        assertThatThrownBy(() -> Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build().open("UserTest"))
                .isInstanceOfSatisfying(CorruptCassetteException.class, e -> {
                    assertThat(e.path()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isEqualTo(25);
                })
                .hasMessage("The cassette " + file + " is not valid JSON at line 4, column 25: Unexpected character"
                        + " ('}' (code 125)): was expecting double-quote to start field name. llmock leaves the file"
                        + " untouched: fix it, or delete it and record again with -Dllmock.mode=record.");
        assertThat(Files.readString(file)).isEqualTo(BROKEN);
    }

    @Test
    void aCassetteThatTurnsCorruptBeforeSavingIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("UserTest.json");
        Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build().open("UserTest");
        TestBackend.generate(cassette, TestBackend.synthetic(), request("{\"name\":\"string\"}").build());
        Files.writeString(file, BROKEN);

        assertThatThrownBy(cassette::save).isInstanceOf(CorruptCassetteException.class)
                .hasMessageStartingWith("The cassette " + file + " is not valid JSON at line 4, column 25");
        assertThatThrownBy(cassette::close).isInstanceOf(CorruptCassetteException.class);
        assertThat(Files.readString(file)).isEqualTo(BROKEN);
    }

    @Test
    void validJsonThatIsNotACassetteIsReported() throws Exception {
        Path file = dir.resolve("UserTest.json");
        Files.writeString(file, "[1, 2]");

        assertThatThrownBy(() -> Cassettes.newBuilder().directory(dir).mode(RecordMode.REPLAY).build().open("UserTest"))
                .isInstanceOf(CorruptCassetteException.class)
                .hasMessage("The cassette " + file + " is not a cassette: expected an object with \"version\" and"
                        + " \"entries\". llmock leaves the file untouched: fix it, or delete it and record again with"
                        + " -Dllmock.mode=record.");
    }

    @Test
    void aNewerFormatVersionAsksForANewerLlmock() throws Exception {
        Path file = dir.resolve("UserTest.json");
        Files.writeString(file, "{\"version\": 2, \"entries\": {}}");

        assertThatThrownBy(() -> Cassettes.newBuilder().directory(dir).mode(RecordMode.REPLAY).build().open("UserTest"))
                .isInstanceOf(CorruptCassetteException.class)
                .hasMessage("The cassette " + file + " has format version 2, but this llmock reads version 1 and"
                        + " older. Upgrade llmock; the file was left untouched.");
    }

    @Test
    void trailingGarbageAfterTheCassetteIsCorrupt() throws Exception {
        Files.writeString(dir.resolve("UserTest.json"), "{\"version\": 1, \"entries\": {}}\n}");

        assertThatThrownBy(() -> Cassettes.newBuilder().directory(dir).mode(RecordMode.REPLAY).build().open("UserTest"))
                .isInstanceOfSatisfying(CorruptCassetteException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void aCorruptFileIsOpenedAgainAfterItWasFixed() throws Exception {
        Path file = dir.resolve("UserTest.json");
        Files.writeString(file, BROKEN);
        Cassettes cassettes = Cassettes.newBuilder().directory(dir).mode(RecordMode.REPLAY).build();
        assertThatThrownBy(() -> cassettes.open("UserTest")).isInstanceOf(CorruptCassetteException.class);

        Files.writeString(file, "{\"version\": 1, \"entries\": {}}");

        assertThat(cassettes.open("UserTest").report().unused()).isEmpty();
    }
}

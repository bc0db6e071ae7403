package dev.llmock.cassette;

import static dev.llmock.cassette.TestBackend.generate;
import static dev.llmock.cassette.TestBackend.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.FixtureRequest;
import dev.llmock.SettingResolver;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailOnRecordTest {
    static final String USER = "{\"name\":\"string\",\"age\":0}";

    @TempDir
    Path dir;

    private static SettingResolver sources(Map<String, String> properties, Map<String, String> env) {
        return SettingResolver.of(properties::get, env::get);
    }

    @Test
    void aRunThatRecordedFailsAfterSavingListingWhatItRecorded() {
        Cassettes cassettes = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD)
                .settings(sources(Map.of(), Map.of("JENKINS_URL", "http://jenkins/"))).build();
        Cassette cassette = cassettes.open("UserTest");
        FixtureRequest user = request(USER).label("UserTest.signsUp(User)").build();
        generate(cassette, TestBackend.synthetic(), user);

        assertThat(cassettes.failOnRecord()).isTrue();
        assertThat(cassette.save()).isTrue();
        assertThatThrownBy(cassette::checkFailOnRecord)
                .isInstanceOfSatisfying(UnexpectedRecordingException.class,
                        e -> assertThat(e.report().recorded()).hasSize(1))
                .hasMessage("llmock recorded 1 entry into " + dir.resolve("UserTest.json") + " (mode record), but"
                        + " llmock.failOnRecord is on (the default on a CI server): a CI build must replay committed"
                        + " cassettes, never call a model.\n"
                        + "  recorded: " + user.key().shortHash() + " UserTest.signsUp(User)\n"
                        + "The cassette was written. Record on a developer machine and commit the cassette, or set"
                        + " -Dllmock.failOnRecord=false (LLMOCK_FAIL_ON_RECORD=false) to allow recording here.");
        assertThat(dir.resolve("UserTest.json")).exists();
    }

    @Test
    void theMessageSaysWhereFailOnRecordWasTurnedOn() {
        Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.ONCE)
                .settings(sources(Map.of(), Map.of("LLMOCK_FAIL_ON_RECORD", "true"))).build().open("UserTest");
        generate(cassette, TestBackend.synthetic(), request(USER).build());

        assertThatThrownBy(cassette::checkFailOnRecord)
                .hasMessageContaining("(mode once), but llmock.failOnRecord is on (set by LLMOCK_FAIL_ON_RECORD)");
    }

    @Test
    void aRunThatOnlyReplayedPassesWithFailOnRecordOn() {
        try (Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).failOnRecord(false)
                .build().open("UserTest")) {
            generate(cassette, TestBackend.synthetic(), request(USER).build());
            assertThatCode(cassette::checkFailOnRecord).doesNotThrowAnyException();
        }
        Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).failOnRecord(true).build()
                .open("UserTest");
        generate(cassette, TestBackend.synthetic(), request(USER).build());

        assertThatCode(cassette::checkFailOnRecord).doesNotThrowAnyException();
    }

    @Test
    void recordingOutsideCiPassesByDefault() {
        Cassettes cassettes = Cassettes.newBuilder().directory(dir)
                .settings(sources(Map.of(), Map.of())).build();
        Cassette cassette = cassettes.open("UserTest");
        generate(cassette, TestBackend.synthetic(), request(USER).build());

        assertThat(cassettes.mode()).isEqualTo(RecordMode.ONCE);
        assertThat(cassette.report().recorded()).hasSize(1);
        assertThatCode(cassette::checkFailOnRecord).doesNotThrowAnyException();
    }
}

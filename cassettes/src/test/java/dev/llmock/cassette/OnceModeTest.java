package dev.llmock.cassette;

import static dev.llmock.cassette.TestBackend.generate;
import static dev.llmock.cassette.TestBackend.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.FixtureRequest;
import dev.llmock.Provenance;
import dev.llmock.internal.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnceModeTest {
    static final String USER = "{\"name\":\"string\",\"age\":0}";
    static final String BOOK = "{\"title\":\"string\"}";

    @TempDir
    Path dir;

    private Cassette open(RecordMode mode) {
        return Cassettes.newBuilder().directory(dir).mode(mode).build().open("UserTest");
    }

    @Test
    void aCassetteThatDoesNotExistYetIsRecordedWholeInOnce() {
        TestBackend backend = TestBackend.synthetic();
        Cassette cassette = open(RecordMode.ONCE);

        assertThat(cassette.replayOnly()).isFalse();
        assertThat(generate(cassette, backend, request(USER).build()).provenance().source())
                .isEqualTo(Provenance.Source.GENERATED);
        assertThat(generate(cassette, backend, request(BOOK).build()).provenance().source())
                .isEqualTo(Provenance.Source.GENERATED);
        assertThat(generate(cassette, backend, request(USER).build()).provenance().source())
                .isEqualTo(Provenance.Source.REPLAYED);
        assertThat(cassette.save()).isTrue();

        assertThat(backend.calls).hasValue(2);
        assertThat(dir.resolve("UserTest.json")).exists();
        assertThat(cassette.report().recorded()).hasSize(2);
    }

    @Test
    void anExistingCassetteIsReplayedInOnceAndARequestMissingFromItFails() {
        FixtureRequest user = request(USER).label("UserTest.signsUp(User)").build();
        try (Cassette cassette = open(RecordMode.RECORD)) {
            generate(cassette, TestBackend.synthetic(), user);
        }
        TestBackend backend = TestBackend.synthetic();
        Cassette cassette = open(RecordMode.ONCE);
        FixtureRequest book = request(BOOK).label("UserTest.reads(Book)").build();

        assertThat(cassette.replayOnly()).isTrue();
        assertThat(generate(cassette, backend, user).provenance().source()).isEqualTo(Provenance.Source.REPLAYED);
        assertThatThrownBy(() -> generate(cassette, backend, book))
                .isInstanceOf(ReplayMissException.class)
                .hasMessage("No recorded fixture for UserTest.reads(Book) in " + dir.resolve("UserTest.json")
                        + " (mode once).\n"
                        + "  wanted:  key " + book.key().shortHash() + ", request "
                        + Json.canonical(book.key().json()) + "\n"
                        + "  nearest: key " + user.key().shortHash()
                        + " (recorded for UserTest.signsUp(User)), differs in shape.age, shape.name, shape.title.\n"
                        + "The cassette exists, so mode once records nothing new: run with -Dllmock.mode=record"
                        + " (VCR: new_episodes) to add the missing entries, and commit the cassette.");
        assertThat(backend.calls).hasValue(0);
        assertThat(cassette.save()).isFalse();
    }

    @Test
    void newEpisodesAddsWhatAnExistingCassetteMisses() {
        try (Cassette cassette = open(RecordMode.ONCE)) {
            generate(cassette, TestBackend.synthetic(), request(USER).build());
        }
        TestBackend backend = TestBackend.synthetic();
        Cassette cassette = open(RecordMode.parse("new_episodes"));

        assertThat(generate(cassette, backend, request(USER).build()).provenance().source())
                .isEqualTo(Provenance.Source.REPLAYED);
        assertThat(generate(cassette, backend, request(BOOK).build()).provenance().source())
                .isEqualTo(Provenance.Source.GENERATED);
        assertThat(backend.calls).hasValue(1);
    }
}

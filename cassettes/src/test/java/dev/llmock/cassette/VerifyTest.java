package dev.llmock.cassette;

import static dev.llmock.cassette.TestBackend.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.FixtureRequest;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyTest {
    @TempDir
    Path dir;

    private void record(String name, FixtureRequest... requests) {
        try (Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build().open(name)) {
            for (FixtureRequest request : requests) {
                TestBackend.generate(cassette, TestBackend.synthetic(), request);
            }
        }
    }

    @Test
    void soundCassettesPassWithTheirStats() throws Exception {
        record("UserTest", request("{\"name\":\"string\",\"price\":0.0,\"tags\":[\"string\"]}").build(),
                request("{\"name\":\"string\"}").count(3).build());

        List<CassetteCheck> checks = Cassettes.verify(dir);

        assertThat(checks).hasSize(1);
        CassetteCheck check = checks.get(0);
        assertThat(check.problems()).isEmpty();
        assertThat(check.stats().entries()).isEqualTo(2);
        assertThat(check.stats().backends()).isEqualTo(Map.of("counting", 2));
        assertThat(check.stats().oldest()).isEqualTo(TestBackend.RECORDED_AT);
        assertThat(check.stats().sizeBytes()).isEqualTo(Files.size(dir.resolve("UserTest.json")));
        assertThat(check.render()).startsWith("OK     " + dir.resolve("UserTest.json") + ": 2 entries (counting 2),"
                + " recorded 2024-05-01T10:00:00Z .. 2024-05-01T10:00:00Z, ");
    }

    @Test
    void aFixtureWidenedByAnEnrichStageIsCheckedAgainstThatStagesShape() {
        record("UserTest", request("{\"name\":\"string\"}")
                .enrich("synthetic", Shape.parse("{\"name\":\"string\",\"city\":\"string\"}")).build());

        assertThat(Cassettes.verify(dir)).singleElement().satisfies(check -> assertThat(check.problems()).isEmpty());
    }

    @Test
    void handEditedEntriesAndCorruptFilesAreProblems() throws Exception {
        FixtureRequest request = request("{\"name\":\"string\",\"age\":0}").label("UserTest.signsUp(User)").build();
        record("UserTest", request);
        Path file = dir.resolve("UserTest.json");
        Files.writeString(file, Files.readString(file).replaceFirst("\"age\": \\d+", "\"age\": \"old\""));
        Files.writeString(dir.resolve("Broken.json"), "{");

        List<CassetteCheck> checks = Cassettes.verify(dir);

        assertThat(checks).extracting(CassetteCheck::ok).containsExactly(false, false);
        assertThat(checks.get(0).problems()).singleElement().asString()
                .startsWith("The cassette " + dir.resolve("Broken.json") + " is not valid JSON at line 1, column 2");
        assertThat(checks.get(1).problems()).containsExactly("entry " + request.key().shortHash()
                + " (UserTest.signsUp(User)): the fixture does not fit its shape: " + "/age: "
                + request.shape().validate(Json.MAPPER.readTree("{\"name\":\"x\",\"age\":\"old\"}")).get(0).reason());
        assertThat(checks.get(1).render()).startsWith("FAILED " + file + "\n  entry ");
    }

    @Test
    void aKeyThatDoesNotMatchItsRequestIsReported() throws Exception {
        FixtureRequest request = request("{\"name\":\"string\"}").build();
        record("UserTest", request);
        Path file = dir.resolve("UserTest.json");
        Files.writeString(file, Files.readString(file).replace("\"variant\": 0", "\"variant\": 5"));

        assertThat(Cassettes.verify(dir).get(0).problems()).containsExactly("entry " + request.key().shortHash()
                + ": the key does not match the request (was the request edited by hand?)");
    }

    @Test
    void verifyWithMaxAgeCountsStaleEntriesWithoutFailing() {
        record("UserTest", request("{\"name\":\"string\"}").build());
        Cassettes cassettes = Cassettes.newBuilder().directory(dir).mode(RecordMode.REPLAY).maxAge(Duration.ofDays(1))
                .clock(Clock.fixed(TestBackend.RECORDED_AT.plus(Duration.ofDays(2)), ZoneOffset.UTC)).build();

        CassetteCheck check = cassettes.verify().get(0);

        assertThat(check.ok()).isTrue();
        assertThat(check.stale()).isEqualTo(1);
        assertThat(cassettes.names()).containsExactly("UserTest");
    }

    @Test
    void statsOfAMissingFileAreEmpty() {
        CassetteStats stats = Cassettes.stats(dir.resolve("None.json"));
        assertThat(stats.entries()).isZero();
        assertThat(stats.render()).isEqualTo(dir.resolve("None.json") + ": 0 entries, 0 B");
    }
}

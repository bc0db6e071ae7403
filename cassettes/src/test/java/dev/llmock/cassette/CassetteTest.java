package dev.llmock.cassette;

import static dev.llmock.cassette.TestBackend.generate;
import static dev.llmock.cassette.TestBackend.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.Provenance;
import dev.llmock.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassetteTest {
    static final String USER = "{\"name\":\"string\",\"age\":0}";

    @TempDir
    Path dir;

    private Cassettes cassettes(RecordMode mode) {
        return Cassettes.newBuilder().directory(dir).mode(mode).build();
    }

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private static TestBackend ada() {
        return TestBackend.scripted((request, call) -> {
            JsonNode properties = request.shape().toJsonSchema().path("properties");
            ObjectNode user = Json.MAPPER.createObjectNode();
            properties.fieldNames().forEachRemaining(name -> {
                if (name.equals("age")) {
                    user.put("age", 36);
                } else {
                    user.put(name, name.equals("name") ? "Ada" : name + " of Ada");
                }
            });
            return user;
        });
    }

    private String file() throws Exception {
        return Files.readString(dir.resolve("UserTest.json"));
    }

    @Test
    void recordModeRecordsWhatIsMissingAndReplaysItWithoutCallingTheBackend() throws Exception {
        TestBackend backend = TestBackend.synthetic();
        FixtureRequest request = request(USER).label("UserTest.signsUp(User)").build();
        Fixture recorded;
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            recorded = generate(cassette, backend, request);
            assertThat(recorded.provenance().source()).isEqualTo(Provenance.Source.GENERATED);
        }
        assertThat(backend.calls).hasValue(1);

        Cassette again = cassettes(RecordMode.RECORD).open("UserTest");
        Fixture replayed = generate(again, backend, request);

        assertThat(backend.calls).hasValue(1);
        assertThat(replayed.json()).isEqualTo(recorded.json());
        assertThat(replayed.provenance().source()).isEqualTo(Provenance.Source.REPLAYED);
        assertThat(replayed.provenance().backend()).isEqualTo("counting");
        assertThat(replayed.provenance().recordedAt()).isEqualTo(TestBackend.RECORDED_AT);
        assertThat(replayed.provenance().details().path("cassette").path("key").asText()).isEqualTo(request.key().hash());
        assertThat(again.report().replayed()).containsExactly(
                new CassetteReport.Entry(request.key().hash(), "UserTest.signsUp(User)"));
        assertThat(again.save()).isFalse();
    }

    @Test
    void theFileIsPrettyPrintedVersionedAndHoldsRequestFixtureAndProvenance() throws Exception {
        FixtureRequest request = request("{\"name\":\"string\"}").label("UserTest.signsUp(User)").build();
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            generate(cassette, ada(), request);
        }
        String text = file().replaceAll("\"latencyMs\": \\d+", "\"latencyMs\": 0");
        assertThat(text).isEqualTo("{\n"
                + "  \"version\": 1,\n"
                + "  \"entries\": {\n"
                + "    \"" + request.key().hash() + "\": {\n"
                + "      \"test\": \"UserTest.signsUp(User)\",\n"
                + "      \"request\": {\n"
                + "        \"backend\": \"counting\",\n"
                + "        \"count\": 1,\n"
                + "        \"shape\": {\n"
                + "          \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
                + "          \"additionalProperties\": false,\n"
                + "          \"properties\": {\n"
                + "            \"name\": {\n"
                + "              \"type\": \"string\"\n"
                + "            }\n"
                + "          },\n"
                + "          \"required\": [\n"
                + "            \"name\"\n"
                + "          ],\n"
                + "          \"type\": \"object\"\n"
                + "        },\n"
                + "        \"variant\": 0\n"
                + "      },\n"
                + "      \"fixture\": {\n"
                + "        \"name\": \"Ada\"\n"
                + "      },\n"
                + "      \"provenance\": {\n"
                + "        \"backend\": \"counting\",\n"
                + "        \"provider\": \"synthetic\",\n"
                + "        \"model\": \"test-model\",\n"
                + "        \"attempts\": 1,\n"
                + "        \"latencyMs\": 0,\n"
                + "        \"promptTokens\": 10,\n"
                + "        \"completionTokens\": 20,\n"
                + "        \"recordedAt\": \"2024-05-01T10:00:00Z\",\n"
                + "        \"llmockVersion\": \"0.1.0-SNAPSHOT\"\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}\n");
    }

    @Test
    void entriesAreSortedByKeySoDiffsStayStable() throws Exception {
        List<FixtureRequest> requests = List.of(request(USER).variant(1).build(), request(USER).variant(2).build(),
                request(USER).variant(3).build(), request(USER).variant(4).build());
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            requests.forEach(request -> generate(cassette, TestBackend.synthetic(), request));
        }
        List<String> keys = new java.util.ArrayList<>();
        json(file()).path("entries").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).hasSize(4).isSorted();
    }

    @Test
    void replayModeFailsWithNearestEntryWhenFixtureIsMissing() {
        FixtureRequest old = request(USER).label("UserTest.signsUp(User)").build();
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            generate(cassette, TestBackend.synthetic(), old);
            generate(cassette, TestBackend.synthetic(), request("{\"title\":\"string\"}").count(2)
                    .label("UserTest.other(Book)").build());
        }
        TestBackend backend = TestBackend.synthetic();
        FixtureRequest wanted = request("{\"name\":\"string\",\"age\":0,\"address\":{\"city\":\"string\"}}")
                .label("UserTest.signsUp(User)").build();
        Cassette cassette = cassettes(RecordMode.REPLAY).open("UserTest");

        assertThatThrownBy(() -> generate(cassette, backend, wanted))
                .isInstanceOf(ReplayMissException.class)
                .hasMessage("No recorded fixture for UserTest.signsUp(User) in " + dir.resolve("UserTest.json")
                        + " (mode replay).\n"
                        + "  wanted:  key " + wanted.key().shortHash() + ", request "
                        + shorten(Json.canonical(wanted.key().json())) + "\n"
                        + "  nearest: key " + old.key().shortHash()
                        + " (recorded for UserTest.signsUp(User)), differs in shape.address.\n"
                        + "Run once with -Dllmock.mode=record and commit the cassette.")
                .satisfies(e -> {
                    ReplayMissException miss = (ReplayMissException) e;
                    assertThat(miss.nearestKey()).isEqualTo(old.key().hash());
                    assertThat(miss.differences()).containsExactly("shape.address");
                    assertThat(miss.test()).isEqualTo("UserTest.signsUp(User)");
                });
        assertThat(backend.calls).hasValue(0);
    }

    private static String shorten(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }

    @Test
    void replayMissNamesEveryDifferingFieldOfTheNearestEntry() {
        FixtureRequest old = request(USER).prompt("adults").build();
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            generate(cassette, TestBackend.synthetic(), old);
        }
        FixtureRequest wanted = request("{\"name\":\"string\",\"age\":\"string\"}").count(3).prompt("children")
                .build();
        Cassette cassette = cassettes(RecordMode.REPLAY).open("UserTest");

        assertThatThrownBy(() -> generate(cassette, TestBackend.synthetic(), wanted))
                .isInstanceOfSatisfying(ReplayMissException.class, e -> assertThat(e.differences())
                        .containsExactly("count", "prompt", "shape.age"))
                .hasMessageStartingWith("No recorded fixture for request " + wanted.key().shortHash() + " in ")
                .hasMessageContaining("differs in count, prompt, shape.age.");
    }

    @Test
    void replayMissInAnEmptyCassetteSaysItHasNoEntries() {
        Cassette cassette = cassettes(RecordMode.REPLAY).open("UserTest");
        FixtureRequest wanted = request(USER).label("UserTest.signsUp(User)").build();

        assertThatThrownBy(() -> generate(cassette, TestBackend.synthetic(), wanted))
                .hasMessageContaining("\n  nearest: none, the cassette has no entries.\n"
                        + "Run once with -Dllmock.mode=record and commit the cassette.");
        assertThat(dir.resolve("UserTest.json")).doesNotExist();
    }

    @Test
    void liveModeCallsTheBackendEveryTimeAndNeitherReadsNorWritesTheFile() throws Exception {
        Files.writeString(dir.resolve("UserTest.json"), "not even json");
        TestBackend backend = TestBackend.synthetic();
        Cassette cassette = cassettes(RecordMode.LIVE).open("UserTest");
        FixtureRequest request = request(USER).build();

        generate(cassette, backend, request);
        generate(cassette, backend, request);
        cassette.close();

        assertThat(backend.calls).hasValue(2);
        assertThat(file()).isEqualTo("not even json");
        assertThat(cassette.report().recorded()).isEmpty();
    }

    @Test
    void saveWritesNothingWhenNothingChanged() throws Exception {
        FixtureRequest request = request(USER).build();
        Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest");
        generate(cassette, TestBackend.synthetic(), request);
        assertThat(cassette.save()).isTrue();
        assertThat(cassette.save()).isFalse();

        Cassette replaying = cassettes(RecordMode.RECORD).open("UserTest");
        generate(replaying, TestBackend.synthetic(), request);
        assertThat(replaying.save()).isFalse();
        assertThat(dir.toFile().list()).as("nothing but the cassette and the directory's lock next to it")
                .containsExactlyInAnyOrder("UserTest.json", ".llmock.lock");
    }

    @Test
    void openGivesTheSameCassetteForTheSameName() {
        Cassettes cassettes = cassettes(RecordMode.RECORD);
        assertThat(cassettes.open("UserTest")).isSameAs(cassettes.open("UserTest"))
                .isNotSameAs(cassettes.open("OrderTest"));
        assertThat(cassettes.open("UserTest").path()).isEqualTo(dir.resolve("UserTest.json"));
    }

    @Test
    void aNameThatLeavesTheDirectoryIsRejected() {
        assertThatThrownBy(() -> cassettes(RecordMode.RECORD).open("../UserTest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A cassette name must be a plain file name inside the cassette directory, like"
                        + " \"com.acme.UserTest\", but was \"../UserTest\".");
    }

    @Test
    void rerecordRegeneratesEverythingAndReportsValueDrift() throws Exception {
        FixtureRequest request = request(USER).label("UserTest.signsUp(User)").build();
        TestBackend first = TestBackend.scripted((r, call) -> Json.MAPPER.createObjectNode().put("name", "Ada")
                .put("age", 36));
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            generate(cassette, first, request);
        }
        TestBackend second = TestBackend.scripted((r, call) -> Json.MAPPER.createObjectNode().put("name", "Grace")
                .put("age", 36));
        Cassette cassette = cassettes(RecordMode.RERECORD).open("UserTest");

        Fixture fixture = generate(cassette, second, request);
        generate(cassette, second, request);

        assertThat(second.calls).as("regenerated once per run").hasValue(1);
        assertThat(fixture.json()).isEqualTo(json("{\"name\":\"Grace\",\"age\":36}"));
        CassetteReport.Drift drift = cassette.report().drift().get(0);
        assertThat(drift.structural()).isFalse();
        assertThat(drift.valuesChanged()).containsExactly("/name");
        cassette.close();
        assertThat(json(file()).path("entries").path(request.key().hash()).path("fixture").path("name").asText())
                .isEqualTo("Grace");
    }

    @Test
    void rerecordDriftReportListsTheChangedValues() throws Exception {
        FixtureRequest request = request("{\"name\":\"string\",\"age\":0,\"tags\":[\"string\"]}")
                .label("UserTest.signsUp(User)").build();
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            generate(cassette, TestBackend.scripted((r, call) -> Json.MAPPER.createObjectNode().put("name", "Ada")
                    .put("age", 36).set("tags", Json.MAPPER.createArrayNode().add("a").add("b"))), request);
        }
        // a backend whose answers changed shape: the engine validates, so change the request shape too
        FixtureRequest widened = request;
        Cassette cassette = cassettes(RecordMode.RERECORD).open("UserTest");
        generate(cassette, TestBackend.scripted((r, call) -> Json.MAPPER.createObjectNode().put("name", "Ada")
                .put("age", 37).set("tags", Json.MAPPER.createArrayNode().add("a").add("c"))), widened);

        CassetteReport.Drift drift = cassette.report().drift().get(0);
        assertThat(drift.valuesChanged()).containsExactly("/age", "/tags/1");
        assertThat(drift.structural()).isFalse();
    }

    @Test
    void reportRendersAShortSummary() {
        FixtureRequest request = request(USER).label("UserTest.signsUp(User)").build();
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            generate(cassette, ada(), request);
            generate(cassette, ada(), request(USER).variant(1).label("UserTest.old(User)").build());
        }
        Cassette cassette = cassettes(RecordMode.RERECORD).open("UserTest");
        generate(cassette, TestBackend.scripted((r, call) -> Json.MAPPER.createObjectNode().put("name", "Bo")
                .put("age", 36)), request);

        assertThat(cassette.report().render()).isEqualTo("Cassette " + dir.resolve("UserTest.json")
                + " (mode rerecord): 0 replayed, 1 recorded, 0 stale, 1 unused.\n"
                + "  recorded: " + request.key().shortHash() + " UserTest.signsUp(User)\n"
                + "  unused (remove with prune()): " + request(USER).variant(1).build().key().shortHash()
                + " UserTest.old(User)\n"
                + "  drift in " + request.key().shortHash() + " UserTest.signsUp(User): same structure;"
                + " 1 value changed");
    }

    @Test
    void maxAgeMakesOldEntriesMissingInRecordModeSoTheyAreRecordedAgain() throws Exception {
        FixtureRequest request = request(USER).label("UserTest.signsUp(User)").build();
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            generate(cassette, ada(), request);
        }
        Clock later = Clock.fixed(TestBackend.RECORDED_AT.plus(Duration.ofDays(31)), ZoneOffset.UTC);
        Cassettes cassettes = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).clock(later)
                .maxAge(Duration.ofDays(30)).build();
        Cassette cassette = cassettes.open("UserTest");
        TestBackend backend = ada();
        try (Llmock llmock = TestBackend.engine(cassette, backend, later)) {
            Fixture fixture = llmock.generate(request);
            assertThat(fixture.provenance().source()).isEqualTo(Provenance.Source.GENERATED);
        }
        assertThat(backend.calls).hasValue(1);
        assertThat(cassette.report().stale()).extracting(CassetteReport.Entry::key).containsExactly(request.key().hash());
        assertThat(cassette.report().recorded()).extracting(CassetteReport.Entry::key).containsExactly(request.key().hash());
        cassette.close();
        assertThat(json(file()).path("entries").path(request.key().hash()).path("provenance").path("recordedAt").asText())
                .isEqualTo(TestBackend.RECORDED_AT.plus(Duration.ofDays(31)).toString());
    }

    @Test
    void maxAgeInReplayModeStillServesOldEntriesAndReportsThemAsStale() {
        FixtureRequest request = request(USER).label("UserTest.signsUp(User)").build();
        FixtureRequest young = request(USER).variant(1).build();
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            generate(cassette, ada(), request);
        }
        Clock later = Clock.fixed(TestBackend.RECORDED_AT.plus(Duration.ofDays(20)), ZoneOffset.UTC);
        try (Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build().open("UserTest");
             Llmock llmock = TestBackend.engine(cassette, ada(), later)) {
            llmock.generate(young);
        }
        Clock now = Clock.fixed(TestBackend.RECORDED_AT.plus(Duration.ofDays(40)), ZoneOffset.UTC);
        Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.REPLAY).clock(now)
                .maxAge(Duration.ofDays(30)).build().open("UserTest");
        TestBackend backend = ada();

        Fixture fixture = generate(cassette, backend, request);
        generate(cassette, backend, young);

        assertThat(fixture.provenance().source()).isEqualTo(Provenance.Source.REPLAYED);
        assertThat(backend.calls).hasValue(0);
        assertThat(cassette.report().stale()).containsExactly(
                new CassetteReport.Entry(request.key().hash(), "UserTest.signsUp(User)"));
        assertThat(cassette.save()).isFalse();
    }

    @Test
    void unusedEntriesAreListedAndPrunedOnlyOnRequest() throws Exception {
        FixtureRequest kept = request(USER).label("UserTest.kept(User)").build();
        FixtureRequest gone = request(USER).variant(7).label("UserTest.gone(User)").build();
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            generate(cassette, ada(), kept);
            generate(cassette, ada(), gone);
        }
        Cassette cassette = cassettes(RecordMode.REPLAY).open("UserTest");
        generate(cassette, ada(), kept);

        assertThat(cassette.report().unused()).containsExactly(
                new CassetteReport.Entry(gone.key().hash(), "UserTest.gone(User)"));
        assertThat(cassette.save()).isFalse();
        assertThat(json(file()).path("entries").has(gone.key().hash())).isTrue();

        assertThat(cassette.prune()).isEqualTo(1);
        assertThat(cassette.report().unused()).isEmpty();
        assertThat(cassette.save()).isTrue();
        assertThat(json(file()).path("entries").has(gone.key().hash())).isFalse();
        assertThat(json(file()).path("entries").has(kept.key().hash())).isTrue();
    }

    @Test
    void pruneStaleRemovesOnlyEntriesOlderThanMaxAge() throws Exception {
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            generate(cassette, ada(), request(USER).build());
        }
        Clock later = Clock.fixed(TestBackend.RECORDED_AT.plus(Duration.ofDays(10)), ZoneOffset.UTC);
        FixtureRequest young = request(USER).variant(1).build();
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest");
             Llmock llmock = TestBackend.engine(cassette, ada(), later)) {
            llmock.generate(young);
        }
        Cassette cassette = Cassettes.newBuilder().directory(dir).clock(later).maxAge(Duration.ofDays(5))
                .mode(RecordMode.REPLAY).build().open("UserTest");

        assertThat(cassette.pruneStale()).isEqualTo(1);
        cassette.close();
        List<String> keys = new java.util.ArrayList<>();
        json(file()).path("entries").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly(young.key().hash());
    }

    @Test
    void discardRestoresWhatAFailedTestRecorded() throws Exception {
        FixtureRequest request = request(USER).label("UserTest.signsUp(User)").build();
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            generate(cassette, ada(), request);
        }
        String before = file();
        Cassette cassette = cassettes(RecordMode.RERECORD).open("UserTest");
        generate(cassette, TestBackend.scripted((r, c) -> Json.MAPPER.createObjectNode().put("name", "Bo")
                .put("age", 1)), request);
        generate(cassette, ada(), request(USER).variant(3).label("UserTest.signsUp(User)").build());

        assertThat(cassette.discard("UserTest.signsUp(User)")).isEqualTo(2);
        assertThat(cassette.save()).isFalse();
        assertThat(file()).isEqualTo(before);
        assertThat(cassette.report().recorded()).isEmpty();
    }

    @Test
    void aFailedTestsRecordingsAreUndoneInRerecordEvenAfterASave() throws Exception {
        FixtureRequest request = request(USER).label("UserTest.signsUp(User)").build();
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest")) {
            generate(cassette, ada(), request);
        }
        String before = file();
        Cassette cassette = cassettes(RecordMode.RERECORD).open("UserTest");
        FixtureRequest added = request(USER).variant(5).label("UserTest.signsUp(User)").build();
        generate(cassette, TestBackend.scripted((r, c) -> Json.MAPPER.createObjectNode().put("name", "Bo")
                .put("age", 1)), request);
        generate(cassette, ada(), added);
        assertThat(cassette.save()).isTrue();

        assertThat(cassette.testFailed(List.of(request.key().hash(), added.key().hash(), "not-recorded"))).isEqualTo(2);
        cassette.close();

        assertThat(file()).isEqualTo(before);
    }

    @Test
    void aFailedTestsRecordingsAreKeptInRecordSoTheFailureReplays() throws Exception {
        FixtureRequest request = request(USER).label("UserTest.signsUp(User)").build();
        Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest");
        generate(cassette, ada(), request);

        assertThat(cassette.testFailed(List.of(request.key().hash()))).isZero();
        cassette.close();

        assertThat(json(file()).path("entries").has(request.key().hash())).isTrue();
    }

    @Test
    void recordedAtComesFromTheEngineClock() throws Exception {
        Instant at = Instant.parse("2030-01-02T03:04:05Z");
        try (Cassette cassette = cassettes(RecordMode.RECORD).open("UserTest");
             Llmock llmock = TestBackend.engine(cassette, ada(), Clock.fixed(at, ZoneOffset.UTC))) {
            llmock.generate(request(USER).build());
        }
        assertThat(file()).contains("\"recordedAt\": \"2030-01-02T03:04:05Z\"");
        assertThat(Files.readString(dir.resolve("UserTest.json"), StandardCharsets.UTF_8)).doesNotContain("\r");
    }
}

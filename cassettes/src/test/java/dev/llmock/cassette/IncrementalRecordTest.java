package dev.llmock.cassette;

import static dev.llmock.cassette.TestBackend.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalRecordTest {
    static final String OLD = "{\"name\":\"string\",\"age\":0,\"address\":{\"city\":\"string\"}}";
    static final String GROWN = "{\"name\":\"string\",\"age\":0,\"email\":\"email\",\"address\":{\"city\":\"string\","
            + "\"zip\":\"string\"}}";

    @TempDir
    Path dir;

    private Cassette open(RecordMode mode) {
        return Cassettes.newBuilder().directory(dir).mode(mode).build().open("UserTest");
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Answers every field the shape asks for with a value that names the call, so reuse is visible. */
    private static TestBackend fresh() {
        return TestBackend.scripted((request, call) -> fill(request.shape().toJsonSchema(), "call" + call));
    }

    private static JsonNode fill(JsonNode schema, String tag) {
        ObjectNode object = Json.MAPPER.createObjectNode();
        schema.path("properties").fields().forEachRemaining(property -> {
            JsonNode type = property.getValue().path("type");
            if (type.asText().equals("object")) {
                object.set(property.getKey(), fill(property.getValue(), tag));
            } else if (type.asText().equals("integer") || type.asText().equals("number")) {
                object.put(property.getKey(), tag.length());
            } else if ("email".equals(property.getValue().path("format").asText())) {
                object.put(property.getKey(), tag + "@example.com");
            } else {
                object.put(property.getKey(), property.getKey() + "-" + tag);
            }
        });
        return object;
    }

    @Test
    void aShapeThatGainedFieldsKeepsEveryRecordedValueAndFillsOnlyTheNewOnes() throws Exception {
        FixtureRequest old = request(OLD).label("UserTest.signsUp(User)").build();
        try (Cassette cassette = open(RecordMode.RECORD)) {
            Fixture first = TestBackend.generate(cassette, TestBackend.scripted((r, c) -> json(
                    "{\"name\":\"Ada\",\"age\":36,\"address\":{\"city\":\"Oslo\"}}")), old);
            assertThat(first.json().path("name").asText()).isEqualTo("Ada");
        }
        FixtureRequest grown = request(GROWN).label("UserTest.signsUp(User)").build();
        Cassette cassette = open(RecordMode.RECORD);

        Fixture fixture = TestBackend.generate(cassette, fresh(), grown);

        assertThat(fixture.json()).isEqualTo(json("{\"name\":\"Ada\",\"age\":36,\"email\":\"call1@example.com\","
                + "\"address\":{\"city\":\"Oslo\",\"zip\":\"zip-call1\"}}"));
        assertThat(fixture.provenance().details().path("incremental")).isEqualTo(json("{\"from\":\"" + old.key()
                + "\",\"newFields\":[\"/address/zip\",\"/email\"]}"));
        cassette.close();
        JsonNode stored = json(Files.readString(cassette.path())).path("entries").path(grown.key().hash());
        assertThat(stored.path("fixture")).isEqualTo(fixture.json());
        assertThat(stored.path("provenance").path("details").path("incremental").path("from").asText())
                .isEqualTo(old.key().hash());
        assertThat(cassette.report().unused()).extracting(CassetteReport.Entry::key).containsExactly(old.key().hash());
    }

    @Test
    void arraysOfRecordsKeepTheirRecordedValuesItemByItem() throws Exception {
        FixtureRequest old = request("{\"name\":\"string\"}").count(2).build();
        try (Cassette cassette = open(RecordMode.RECORD)) {
            TestBackend.generate(cassette, TestBackend.scripted((r, c) -> json(
                    "[{\"name\":\"Ada\"},{\"name\":\"Bo\"}]")), old);
        }
        FixtureRequest grown = request("{\"name\":\"string\",\"nick\":\"string\"}").count(2).build();
        Cassette cassette = open(RecordMode.RECORD);
        TestBackend backend = TestBackend.scripted((r, c) -> json(
                "[{\"name\":\"X\",\"nick\":\"x\"},{\"name\":\"Y\",\"nick\":\"y\"}]"));

        Fixture fixture = TestBackend.generate(cassette, backend, grown);

        assertThat(fixture.json()).isEqualTo(json("[{\"name\":\"Ada\",\"nick\":\"x\"},{\"name\":\"Bo\",\"nick\":\"y\"}]"));
    }

    @Test
    void aShapeThatChangedOtherwiseIsRecordedFromScratch() throws Exception {
        try (Cassette cassette = open(RecordMode.RECORD)) {
            TestBackend.generate(cassette, fresh(), request(OLD).build());
        }
        FixtureRequest changed = request("{\"name\":\"string\",\"age\":\"string\",\"email\":\"email\","
                + "\"address\":{\"city\":\"string\"}}").build();
        Cassette cassette = open(RecordMode.RECORD);

        Fixture fixture = TestBackend.generate(cassette, fresh(), changed);

        assertThat(fixture.json().path("name").asText()).isEqualTo("name-call1");
        assertThat(fixture.provenance().details().has("incremental")).isFalse();
    }

    @Test
    void aRequestThatDiffersBeyondItsShapeIsRecordedFromScratch() throws Exception {
        try (Cassette cassette = open(RecordMode.RECORD)) {
            TestBackend.generate(cassette, TestBackend.scripted((r, c) -> json(
                    "{\"name\":\"Ada\",\"age\":36,\"address\":{\"city\":\"Oslo\"}}")), request(OLD).build());
        }
        Cassette cassette = open(RecordMode.RECORD);

        Fixture fixture = TestBackend.generate(cassette, fresh(), request(GROWN).prompt("Norwegians").build());

        assertThat(fixture.json().path("name").asText()).isEqualTo("name-call1");
    }

    @Test
    void rerecordNeverReusesOldValues() throws Exception {
        try (Cassette cassette = open(RecordMode.RECORD)) {
            TestBackend.generate(cassette, TestBackend.scripted((r, c) -> json(
                    "{\"name\":\"Ada\",\"age\":36,\"address\":{\"city\":\"Oslo\"}}")), request(OLD).build());
        }
        Cassette cassette = open(RecordMode.RERECORD);

        Fixture fixture = TestBackend.generate(cassette, fresh(), request(GROWN).build());

        assertThat(fixture.json().path("name").asText()).isEqualTo("name-call1");
    }
}

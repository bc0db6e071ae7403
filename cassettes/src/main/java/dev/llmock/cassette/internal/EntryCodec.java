package dev.llmock.cassette.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.LlmockException;
import dev.llmock.Provenance;
import dev.llmock.internal.Json;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Cassette entries to and from values: {@code {"test", "request", "fixture", "provenance"}}. What is written is
 * redacted first: the request's context fully, everything else where a string looks like a secret.
 */
final class EntryCodec {
    private final Path path;
    private final Redactor redactor;

    EntryCodec(Path path, Redactor redactor) {
        this.path = path;
        this.redactor = redactor;
    }

    /** The entry to keep for a generated fixture, exactly as a later run will read it back. */
    ObjectNode entry(FixtureRequest request, JsonNode data, Provenance provenance) {
        ObjectNode entry = Json.MAPPER.createObjectNode();
        if (request.label() != null) {
            entry.put("test", redactor.redact(request.label()));
        }
        entry.set("request", request(request));
        // Generated data is test data: a fake "password" field stays, but anything that looks like a real key goes.
        entry.set("fixture", redactor.redactStrings(data));
        ObjectNode provenanceJson = (ObjectNode) redactor.redact(provenance.toJson());
        provenanceJson.put("llmockVersion", LlmockVersion.get());
        entry.set("provenance", provenanceJson);
        // through text and back, so a recording run hands out exactly the nodes a replaying run reads
        return reread(Json.compact(entry));
    }

    /** The logical request as stored: sorted keys, context fully redacted, secret-looking strings redacted. */
    ObjectNode request(FixtureRequest request) {
        ObjectNode json = request.key().json();
        ObjectNode redacted = Json.MAPPER.createObjectNode();
        json.fields().forEachRemaining(field -> redacted.set(field.getKey(), field.getKey().equals("context")
                ? redactor.redact(field.getValue()) : redactor.redactStrings(field.getValue())));
        return reread(Json.canonical(redacted));
    }

    /** The fixture of a recorded entry, with its provenance marked replayed and the cassette and key added. */
    Fixture fixture(String key, ObjectNode entry) {
        ObjectNode where = Json.MAPPER.createObjectNode();
        where.put("file", path.getFileName().toString());
        where.put("key", key);
        try {
            Provenance provenance = Provenance.fromJson(entry.get("provenance"), Provenance.Source.REPLAYED)
                    .withDetail("cassette", where);
            return new Fixture(entry.get("fixture"), provenance);
        } catch (DateTimeParseException e) {
            throw new LlmockException(Messages.notACassette(path, Messages.entryProblem(key, test(entry),
                    "provenance.recordedAt is not an ISO-8601 instant")), e);
        }
    }

    /** The label as it is stored: redacted. */
    String label(String test) {
        return redactor.redact(test);
    }

    /** The label of the test that recorded the entry, or null. */
    static String test(JsonNode entry) {
        return entry == null || !entry.path("test").isTextual() ? null : entry.get("test").asText();
    }

    /** When the entry was recorded, or null when that is missing or unreadable. */
    static Instant recordedAt(JsonNode entry) {
        try {
            JsonNode at = entry.path("provenance").path("recordedAt");
            return at.isTextual() ? Instant.parse(at.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ObjectNode reread(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.llmock.cassette.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a well-formed cassette in one pass over its bytes, straight into the entries, without a tree of the whole
 * file: each entry is its own tree, and a request's shape (most of an entry's text, and the same in most entries)
 * is read once per distinct text and shared by the entries that hold it (read-only).
 *
 * <p>It answers only for a plain, valid cassette; for anything else (not JSON, not a cassette, a newer format,
 * duplicate names) it answers null and {@link CassetteFile} reads the file as a whole tree, which reports the problem
 * with its line and column exactly as before.
 */
final class CassetteStream {
    private final byte[] bytes;
    /** Shapes read so far, by their text. */
    private final Map<Text, JsonNode> shapes = new HashMap<>();

    private CassetteStream(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The entries of the cassette {@code bytes} hold, by key; null when they are not a plain valid cassette. */
    static Map<String, ObjectNode> entries(byte[] bytes) {
        try (JsonParser parser = Json.MAPPER.createParser(bytes)) {
            return new CassetteStream(bytes).root(parser);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Map<String, ObjectNode> root(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, ObjectNode> entries = null;
        boolean version = false;
        Set<String> names = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!names.add(name)) {
                return null;
            }
            if (name.equals("version")) {
                if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
                        || parser.getIntValue() > CassetteFile.FORMAT_VERSION) {
                    return null;
                }
                version = true;
            } else if (name.equals("entries")) {
                entries = value == JsonToken.START_OBJECT ? entries(parser) : null;
                if (entries == null) {
                    return null;
                }
            } else {
                parser.skipChildren();
            }
        }
        // the root closed, and nothing follows it
        if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null || !version) {
            return null;
        }
        return entries;
    }

    private Map<String, ObjectNode> entries(JsonParser parser) throws IOException {
        Map<String, ObjectNode> entries = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            ObjectNode entry = parser.nextToken() == JsonToken.START_OBJECT ? entry(parser) : null;
            if (entry == null || entries.put(key, entry) != null) {
                return null;
            }
        }
        return entries;
    }

    private ObjectNode entry(JsonParser parser) throws IOException {
        ObjectNode entry = Json.MAPPER.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            JsonNode node = name.equals("request") && value == JsonToken.START_OBJECT ? request(parser)
                    : Json.MAPPER.readTree(parser);
            if (node == null || entry.has(name)) {
                return null;
            }
            entry.set(name, node);
        }
        boolean complete = entry.path("request").isObject() && entry.has("fixture")
                && entry.path("provenance").isObject();
        return complete ? entry : null;
    }

    private ObjectNode request(JsonParser parser) throws IOException {
        ObjectNode request = Json.MAPPER.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            JsonNode node = name.equals("shape") && value.isStructStart() ? shape(parser) : Json.MAPPER.readTree(parser);
            if (node == null || request.has(name)) {
                return null;
            }
            request.set(name, node);
        }
        return request;
    }

    /** The shape whose text starts at the current token: read once per distinct text, then shared. */
    private JsonNode shape(JsonParser parser) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getByteOffset();
        if (start < 0 || end <= start || end > bytes.length) {
            return null;
        }
        Text text = new Text(bytes, start, end);
        JsonNode shape = shapes.get(text);
        if (shape == null) {
            shape = Json.MAPPER.readTree(bytes, start, end - start);
            shapes.put(text, shape);
        }
        return shape;
    }

    /** A stretch of the file's bytes, equal to another with the same bytes. */
    private static final class Text {
        private final byte[] bytes;
        private final int start;
        private final int end;
        private final int hash;

        Text(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.start = start;
            this.end = end;
            // a few bytes along the text tell the few shapes of a file apart; equals compares them all
            int h = end - start;
            int step = Math.max(1, (end - start) / 64);
            for (int i = start; i < end; i += step) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Text text && text.hash == hash
                    && Arrays.equals(bytes, start, end, text.bytes, text.start, text.end);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

package dev.llmock.internal.engine;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * Which stage each field of an enrich stage's records came from, for the provenance: per field (a JSON Pointer
 * without the record index), the records whose value the enricher gave ({@code enriched}: new or changed) and those
 * that have the earlier stage's value ({@code kept}: the enricher's was missing, did not fit, or was the same).
 * Objects are followed into their fields; arrays and other values count as one field.
 */
final class EnrichedFields {
    private EnrichedFields() {
    }

    /** The fields of {@code after} (one record for a count of 1, else an array) against {@code before}. */
    static ObjectNode of(JsonNode before, JsonNode after, int count) {
        ObjectNode fields = Json.MAPPER.createObjectNode();
        if (count == 1) {
            walk(JsonPointer.empty(), before, after, fields);
            return fields;
        }
        for (int i = 0; i < after.size(); i++) {
            walk(JsonPointer.empty(), before != null && before.isArray() ? before.get(i) : null, after.get(i), fields);
        }
        return fields;
    }

    private static void walk(JsonPointer pointer, JsonNode before, JsonNode after, ObjectNode fields) {
        if (after != null && after.isObject() && !after.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode earlier = before != null && before.isObject() ? before.get(field.getKey()) : null;
                walk(pointer.appendProperty(field.getKey()), earlier, field.getValue(), fields);
            }
            return;
        }
        String field = pointer.toString();
        ObjectNode tally = fields.has(field) ? (ObjectNode) fields.get(field)
                : fields.putObject(field).put("enriched", 0).put("kept", 0);
        String source = before != null && before.equals(after) ? "kept" : "enriched";
        tally.put(source, tally.get(source).asInt() + 1);
    }
}

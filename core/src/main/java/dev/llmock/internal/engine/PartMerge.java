package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Merge;
import dev.llmock.Part;
import dev.llmock.internal.Json;
import java.util.List;
import java.util.Map;

/** Merges the parts' outputs record by record: under their names, or deep into one object. */
final class PartMerge {
    private PartMerge() {
    }

    static JsonNode merge(List<Part> parts, List<JsonNode> outputs, Merge merge, int count) {
        if (count == 1) {
            return record(parts, outputs, merge, -1);
        }
        ArrayNode all = Json.MAPPER.createArrayNode();
        for (int i = 0; i < count; i++) {
            all.add(record(parts, outputs, merge, i));
        }
        return all;
    }

    private static ObjectNode record(List<Part> parts, List<JsonNode> outputs, Merge merge, int index) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        for (int p = 0; p < parts.size(); p++) {
            JsonNode value = index < 0 ? outputs.get(p) : outputs.get(p).get(index);
            if (merge == Merge.UNDER_KEYS) {
                record.set(parts.get(p).name(), value.deepCopy());
            } else {
                deep(record, (ObjectNode) value);
            }
        }
        return record;
    }

    private static void deep(ObjectNode target, ObjectNode source) {
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode into && field.getValue() instanceof ObjectNode from) {
                deep(into, from);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}

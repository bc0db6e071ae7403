package dev.llmock.wiremock.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Shape;
import java.util.Iterator;
import java.util.Map;

/**
 * For the synthetic backend, which knows values by field names and formats but reads no examples: a plain string
 * property (no format, enum, const or pattern) that the description gives examples of takes one of them, in turn
 * along an array. A model reads the examples itself (they are in the schema and the prompt), so its answers are
 * left alone. Kept only when the answer still fits its shape.
 */
final class ExampleValues {
    static final String SYNTHETIC = "synthetic";

    private ExampleValues() {
    }

    static JsonNode apply(JsonNode data, JsonNode schema, Shape shape) {
        JsonNode copy = data.deepCopy();
        if (!walk(copy, schema, schema, 0)) {
            return data;
        }
        return shape.validate(copy).size() <= shape.validate(data).size() ? copy : data;
    }

    /** Whether anything changed. */
    private static boolean walk(JsonNode value, JsonNode schema, JsonNode document, int index) {
        JsonNode resolved = SchemaWalk.resolve(schema, document);
        boolean changed = false;
        if (value instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode property = SchemaWalk.property(resolved, field.getKey(), document);
                JsonNode example = example(field.getValue(), property, index);
                if (example != null) {
                    changed |= !example.equals(field.getValue());
                    field.setValue(example);
                } else if (!property.isMissingNode()) {
                    changed |= walk(field.getValue(), property, document, index);
                }
            }
        } else if (value instanceof ArrayNode array) {
            JsonNode items = SchemaWalk.items(resolved, document);
            for (int i = 0; i < array.size() && !items.isMissingNode(); i++) {
                JsonNode example = example(array.get(i), items, i);
                if (example != null) {
                    changed |= !example.equals(array.get(i));
                    array.set(i, example);
                } else {
                    changed |= walk(array.get(i), items, document, i);
                }
            }
        }
        return changed;
    }

    private static JsonNode example(JsonNode value, JsonNode schema, int index) {
        JsonNode examples = schema.path("examples");
        boolean plain = !schema.has("format") && !schema.has("enum") && !schema.has("const")
                && !schema.has("pattern");
        if (!value.isTextual() || !plain || !examples.isArray() || examples.isEmpty()) {
            return null;
        }
        JsonNode chosen = examples.get(index % examples.size());
        return chosen.isTextual() ? chosen : null;
    }
}

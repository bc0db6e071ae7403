package dev.llmock.wiremock.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Shape;
import java.util.Iterator;
import java.util.Map;

/**
 * For the synthetic backend, which knows values by field names and formats but reads no examples: a plain string
 * (no format, enum, const or pattern) takes the description's example for it, in turn along an array. The example is
 * the property's own ({@code example}, {@code examples}), else the value at the same place in the response's example.
 * A model reads the examples itself (they are in the schema and the prompt), so its answers are left alone. Kept only
 * when the answer still fits its shape.
 */
final class ExampleValues {
    static final String SYNTHETIC = "synthetic";

    private ExampleValues() {
    }

    /**
     * @param schema  the response's complete schema
     * @param example the response's example, or a missing node
     */
    static JsonNode apply(JsonNode data, JsonNode schema, JsonNode example, Shape shape) {
        JsonNode copy = data.deepCopy();
        if (!new Walk(schema).walk(copy, schema, example, 0)) {
            return data;
        }
        return shape.validate(copy).size() <= shape.validate(data).size() ? copy : data;
    }

    private record Walk(JsonNode document) {
        /** Whether anything changed. */
        boolean walk(JsonNode value, JsonNode schema, JsonNode example, int index) {
            JsonNode resolved = SchemaWalk.resolve(schema, document);
            boolean changed = false;
            if (value instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode property = SchemaWalk.property(resolved, field.getKey(), document);
                    JsonNode exampleValue = example.path(field.getKey());
                    JsonNode chosen = chosen(field.getValue(), property, exampleValue, index);
                    if (chosen != null) {
                        changed |= !chosen.equals(field.getValue());
                        field.setValue(chosen);
                    } else if (!property.isMissingNode()) {
                        changed |= walk(field.getValue(), property, exampleValue, index);
                    }
                }
            } else if (value instanceof ArrayNode array) {
                JsonNode items = SchemaWalk.items(resolved, document);
                for (int i = 0; i < array.size() && !items.isMissingNode(); i++) {
                    JsonNode exampleItem = example.isArray() && !example.isEmpty() ? example.get(i % example.size())
                            : MissingNode.getInstance();
                    JsonNode chosen = chosen(array.get(i), items, exampleItem, i);
                    if (chosen != null) {
                        changed |= !chosen.equals(array.get(i));
                        array.set(i, chosen);
                    } else {
                        changed |= walk(array.get(i), items, exampleItem, i);
                    }
                }
            }
            return changed;
        }

        private static JsonNode chosen(JsonNode value, JsonNode schema, JsonNode example, int index) {
            boolean plain = !schema.isMissingNode() && !schema.has("format") && !schema.has("enum")
                    && !schema.has("const") && !schema.has("pattern");
            if (!value.isTextual() || !plain) {
                return null;
            }
            JsonNode own = schema.path("examples");
            JsonNode chosen = own.isArray() && !own.isEmpty() ? own.get(index % own.size()) : example;
            return chosen.isTextual() ? chosen : null;
        }
    }
}

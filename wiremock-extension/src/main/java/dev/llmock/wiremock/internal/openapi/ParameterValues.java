package dev.llmock.wiremock.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Text from a path, a query or a form, typed as its schema says ({@code "7"} for an integer is {@code 7}), so that it
 * can be validated like JSON. Text that does not fit the type stays text, for validation to name.
 */
final class ParameterValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ParameterValues() {
    }

    /** One value, or several for an array ({@code ?tag=a&tag=b} or {@code ?tag=a,b}). */
    static JsonNode typed(List<String> values, JsonNode schema, JsonNode document) {
        JsonNode resolved = resolve(schema, document);
        if ("array".equals(type(resolved))) {
            ArrayNode array = NODES.arrayNode();
            List<String> items = values.size() == 1 ? List.of(values.get(0).split(",", -1)) : values;
            JsonNode itemSchema = resolved.path("items");
            items.forEach(item -> array.add(typed(item, itemSchema, document)));
            return array;
        }
        return typed(values.get(0), resolved, document);
    }

    /** A form ({@code a=1&b=x}) as an object whose values are typed by the schema's properties. */
    static ObjectNode form(Map<String, List<String>> fields, JsonNode schema) {
        ObjectNode object = NODES.objectNode();
        JsonNode properties = resolve(schema, schema).path("properties");
        fields.forEach((name, values) -> object.set(name, typed(values, properties.path(name), schema)));
        return object;
    }

    private static JsonNode typed(String text, JsonNode schema, JsonNode document) {
        JsonNode resolved = resolve(schema, document);
        try {
            switch (type(resolved)) {
                case "integer":
                    return NODES.numberNode(new BigDecimal(text).toBigIntegerExact());
                case "number":
                    return NODES.numberNode(new BigDecimal(text));
                case "boolean":
                    if (text.equals("true") || text.equals("false")) {
                        return NODES.booleanNode(Boolean.parseBoolean(text));
                    }
                    return NODES.textNode(text);
                default:
                    return NODES.textNode(text);
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return NODES.textNode(text);
        }
    }

    /** The schema's first type other than null ({@code ["integer","null"]} is integer); empty when it has none. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asText())) {
                    return each.asText();
                }
            }
            return "";
        }
        return type.asText("");
    }

    /** Follows {@code $ref}s into the document's {@code $defs}, and into the first alternative of a combination. */
    private static JsonNode resolve(JsonNode schema, JsonNode document) {
        JsonNode current = schema;
        for (int hops = 0; hops < 16; hops++) {
            if (current.has("$ref") && current.get("$ref").asText().startsWith("#")) {
                current = document.at(current.get("$ref").asText().substring(1));
            } else if (!current.has("type") && current.path("allOf").size() > 0) {
                current = current.get("allOf").get(0);
            } else if (!current.has("type") && current.path("anyOf").size() > 0) {
                current = current.get("anyOf").get(0);
            } else if (!current.has("type") && current.path("oneOf").size() > 0) {
                current = current.get("oneOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }
}

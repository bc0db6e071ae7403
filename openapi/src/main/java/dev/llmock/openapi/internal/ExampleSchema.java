package dev.llmock.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON Schema of an example, for a response the description gives an example of but no schema: the example's
 * structure, every property it has required, its strings kept as {@code examples} (hints for a model) and their
 * formats recognised (date-time, date, email, uri).
 */
final class ExampleSchema {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URI = Pattern.compile("https?://\\S+");

    private ExampleSchema() {
    }

    static ObjectNode of(JsonNode example) {
        ObjectNode schema = NODES.objectNode().put("$schema", SchemaConverter.SCHEMA_DIALECT);
        schema.setAll(node(example));
        return schema;
    }

    private static ObjectNode node(JsonNode value) {
        ObjectNode schema = NODES.objectNode();
        if (value.isObject()) {
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            ArrayNode required = schema.putArray("required");
            value.fields().forEachRemaining(field -> {
                properties.set(field.getKey(), node(field.getValue()));
                required.add(field.getKey());
            });
        } else if (value.isArray()) {
            schema.put("type", "array");
            schema.set("items", value.isEmpty() ? NODES.objectNode().put("type", "string") : items(value));
        } else if (value.isIntegralNumber()) {
            schema.put("type", "integer");
        } else if (value.isNumber()) {
            schema.put("type", "number");
        } else if (value.isBoolean()) {
            schema.put("type", "boolean");
        } else if (value.isNull()) {
            schema.putArray("type").add("string").add("null");
        } else {
            schema.put("type", "string");
            String format = format(value.asText());
            if (format != null) {
                schema.put("format", format);
            }
            schema.putArray("examples").add(value.asText());
        }
        return schema;
    }

    /** Objects in an array: every property any of them has, required where all have it. */
    private static ObjectNode items(JsonNode array) {
        ObjectNode first = node(array.get(0));
        if (!array.get(0).isObject()) {
            return first;
        }
        ObjectNode properties = (ObjectNode) first.get("properties");
        Set<String> everywhere = new LinkedHashSet<>();
        array.get(0).fieldNames().forEachRemaining(everywhere::add);
        for (JsonNode item : array) {
            if (!item.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) item::fields) {
                if (!properties.has(field.getKey())) {
                    properties.set(field.getKey(), node(field.getValue()));
                }
            }
            everywhere.removeIf(name -> !item.has(name));
        }
        ArrayNode required = first.putArray("required");
        everywhere.forEach(required::add);
        return first;
    }

    private static String format(String text) {
        try {
            OffsetDateTime.parse(text);
            return "date-time";
        } catch (DateTimeParseException e) {
            // not a date-time
        }
        try {
            LocalDate.parse(text);
            return "date";
        } catch (DateTimeParseException e) {
            // not a date
        }
        if (EMAIL.matcher(text).matches()) {
            return "email";
        }
        return URI.matcher(text).matches() ? "uri" : null;
    }
}

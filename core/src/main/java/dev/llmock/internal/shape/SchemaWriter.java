package dev.llmock.internal.shape;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.BooleanShape;
import dev.llmock.internal.shape.ShapeNode.DistributionShape;
import dev.llmock.internal.shape.ShapeNode.WeightedShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import java.math.BigDecimal;

/** Writes a shape as JSON Schema draft 2020-12: every property required, no extra properties. */
public final class SchemaWriter {
    public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

    private SchemaWriter() {
    }

    public static ObjectNode write(ShapeNode root) {
        ObjectNode schema = Json.MAPPER.createObjectNode();
        schema.put("$schema", DRAFT);
        schema.setAll(node(root));
        return schema;
    }

    public static ObjectNode node(ShapeNode shape) {
        ObjectNode schema = Json.MAPPER.createObjectNode();
        if (shape instanceof ObjectShape object) {
            schema.put("type", "object");
            if (object.description() != null) {
                schema.put("description", object.description());
            }
            ObjectNode properties = schema.putObject("properties");
            object.properties().forEach((name, value) -> properties.set(name, node(value)));
            // Sorted: equal shapes (property and required order do not count) must write equal text, as request keys
            // hash this schema.
            ArrayNode required = schema.putArray("required");
            object.required().stream().sorted().forEach(required::add);
            schema.put("additionalProperties", false);
        } else if (shape instanceof MapShape map) {
            schema.put("type", "object");
            schema.set("additionalProperties", node(map.values()));
            if (map.maxProperties() != null) {
                schema.put("maxProperties", map.maxProperties());
            }
        } else if (shape instanceof ArrayShape array) {
            schema.put("type", "array");
            schema.set("items", node(array.items()));
            if (array.minItems() != null) {
                schema.put("minItems", array.minItems());
            }
            if (array.maxItems() != null) {
                schema.put("maxItems", array.maxItems());
            }
            if (array.uniqueItems()) {
                schema.put("uniqueItems", true);
            }
        } else if (shape instanceof StringShape string) {
            string(schema, string);
        } else if (shape instanceof NumberShape number) {
            schema.put("type", number.integer() ? "integer" : "number");
            putNumber(schema, "minimum", number.minimum());
            putNumber(schema, "maximum", number.maximum());
        } else if (shape instanceof DistributionShape distribution) {
            schema.setAll(node(distribution.number()));
            schema.put(SchemaParser.DISTRIBUTION_KEYWORD, distribution.distribution().text());
        } else if (shape instanceof WeightedShape weighted) {
            schema.setAll(node(weighted.string()));
            schema.put(SchemaParser.DISTRIBUTION_KEYWORD, weighted.directive());
        } else if (shape instanceof BooleanShape) {
            schema.put("type", "boolean");
        } else if (shape instanceof NullableShape nullable) {
            ShapeNode value = nullable.value();
            ObjectNode inner = node(value);
            boolean scalar = value instanceof StringShape || value instanceof NumberShape || value instanceof BooleanShape;
            if (scalar && !inner.has("enum")) {
                String type = inner.get("type").asText();
                inner.putArray("type").add(type).add("null");
                return inner;
            }
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.add(inner);
            anyOf.addObject().put("type", "null");
        }
        return schema;
    }

    private static void string(ObjectNode schema, StringShape string) {
        schema.put("type", "string");
        if (!string.enumValues().isEmpty()) {
            ArrayNode values = schema.putArray("enum");
            string.enumValues().forEach(values::add);
        }
        if (string.format() != null) {
            schema.put("format", string.format());
        }
        if (string.minLength() != null) {
            schema.put("minLength", string.minLength());
        }
        if (string.maxLength() != null) {
            schema.put("maxLength", string.maxLength());
        }
        if (string.pattern() != null) {
            schema.put("pattern", string.pattern());
        }
        if (string.time() != ShapeNode.Temporal.ANY) {
            schema.put(SchemaParser.TIME_KEYWORD, string.time() == ShapeNode.Temporal.PAST ? "past" : "future");
        }
        if (string.example() != null) {
            schema.putArray("examples").add(string.example());
        }
    }

    private static void putNumber(ObjectNode schema, String key, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.scale() <= 0) {
            schema.put(key, value.toBigIntegerExact());
        } else {
            schema.put(key, value);
        }
    }
}

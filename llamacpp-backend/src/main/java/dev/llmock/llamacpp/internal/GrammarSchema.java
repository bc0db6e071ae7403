package dev.llmock.llamacpp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The part of a JSON Schema that goes into llama.cpp's grammar: only keywords its converter is known to handle, with
 * values of the right kind.
 *
 * <p>The converter runs in native code and aborts the JVM on what it cannot convert (an unresolvable {@code $ref},
 * a bad pattern, a type it does not know). Whatever is left out here still binds the answer: llmock validates every
 * answer against the full shape and asks again with the violations.
 */
final class GrammarSchema {
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array",
            "null");
    private static final Set<String> FORMATS = Set.of("date", "time", "date-time", "uuid");
    private static final Set<String> COUNTS = Set.of("minItems", "maxItems", "minLength", "maxLength");
    private static final Set<String> BOUNDS = Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");
    private static final int MAX_COUNT = 100_000;

    private GrammarSchema() {
    }

    /** A copy of {@code schema} holding only what the grammar converter handles. */
    static ObjectNode of(JsonNode schema) {
        return schema != null && schema.isObject() ? node(schema) : Json.MAPPER.createObjectNode();
    }

    private static ObjectNode node(JsonNode schema) {
        ObjectNode kept = Json.MAPPER.createObjectNode();
        type(schema.get("type"), kept);
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            ObjectNode each = kept.putObject("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                each.set(property.getKey(), of(property.getValue()));
            }
        }
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            ArrayNode names = kept.putArray("required");
            required.forEach(name -> {
                if (name.isTextual() && properties != null && properties.has(name.asText())) {
                    names.add(name.asText());
                }
            });
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isBoolean()) {
            kept.put("additionalProperties", additional.asBoolean());
        } else if (additional != null && additional.isObject()) {
            kept.set("additionalProperties", of(additional));
        }
        JsonNode items = schema.get("items");
        if (items != null && items.isObject()) {
            kept.set("items", of(items));
        }
        for (String list : new String[] {"prefixItems", "anyOf", "oneOf"}) {
            JsonNode schemas = schema.get(list);
            if (schemas != null && schemas.isArray() && !schemas.isEmpty()) {
                ArrayNode copies = kept.putArray(list);
                schemas.forEach(sub -> copies.add(of(sub)));
            }
        }
        values(schema, kept);
        counts(schema, kept);
        strings(schema, kept);
        bounds(schema, kept);
        return kept;
    }

    private static void type(JsonNode type, ObjectNode kept) {
        if (type != null && type.isTextual() && TYPES.contains(type.asText())) {
            kept.put("type", type.asText());
        } else if (type != null && type.isArray()) {
            ArrayNode types = Json.MAPPER.createArrayNode();
            type.forEach(each -> {
                if (each.isTextual() && TYPES.contains(each.asText())) {
                    types.add(each.asText());
                }
            });
            if (!types.isEmpty()) {
                kept.set("type", types);
            }
        }
    }

    private static void values(JsonNode schema, ObjectNode kept) {
        JsonNode values = schema.get("enum");
        if (values != null && values.isArray() && !values.isEmpty()) {
            kept.set("enum", values.deepCopy());
        }
        if (schema.has("const")) {
            kept.set("const", schema.get("const").deepCopy());
        }
    }

    /** Lengths and item counts, kept only as a consistent pair of small whole numbers. */
    private static void counts(JsonNode schema, ObjectNode kept) {
        for (String key : COUNTS) {
            JsonNode value = schema.get(key);
            if (value != null && value.canConvertToInt() && value.isIntegralNumber() && value.asInt() >= 0
                    && value.asInt() <= MAX_COUNT) {
                kept.put(key, value.asInt());
            }
        }
        dropIfCrossed(kept, "minItems", "maxItems");
        dropIfCrossed(kept, "minLength", "maxLength");
    }

    private static void strings(JsonNode schema, ObjectNode kept) {
        JsonNode format = schema.get("format");
        if (format != null && format.isTextual() && FORMATS.contains(format.asText())) {
            kept.put("format", format.asText());
        }
        JsonNode pattern = schema.get("pattern");
        if (pattern != null && pattern.isTextual()) {
            GrammarPattern.of(pattern.asText()).ifPresent(safe -> kept.put("pattern", safe));
        }
    }

    /** Bounds of integers, which the converter writes into the grammar; bounds of decimals it ignores. */
    private static void bounds(JsonNode schema, ObjectNode kept) {
        if (!"integer".equals(kept.path("type").asText())) {
            return;
        }
        for (String key : BOUNDS) {
            JsonNode value = schema.get(key);
            if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
                kept.set(key, value.deepCopy());
            }
        }
        dropIfCrossed(kept, "minimum", "maximum");
    }

    private static void dropIfCrossed(ObjectNode kept, String min, String max) {
        if (kept.has(min) && kept.has(max) && kept.get(min).asLong() > kept.get(max).asLong()) {
            kept.remove(min);
            kept.remove(max);
        }
    }
}

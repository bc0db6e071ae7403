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
    /** Keywords by which the converter recognises a schema that names no type; with none of them it gives up. */
    private static final Set<String> STRUCTURE = Set.of("properties", "additionalProperties", "items", "prefixItems",
            "anyOf", "oneOf", "enum", "const");
    private static final Set<String> TYPED_ONLY = Set.of("minItems", "maxItems", "minLength", "maxLength", "format",
            "pattern");
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
        if (properties != null && properties.isObject() && dollarNamed(properties)) {
            // The converter takes any key "$ref" for a reference, property names included: any object will do.
            kept.removeAll();
            kept.put("type", "object");
            return kept;
        }
        if (properties != null && properties.isObject()) {
            ObjectNode each = kept.putObject("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                each.set(property.getKey(), of(property.getValue()));
            }
        }
        JsonNode required = schema.get("required");
        if (required != null && required.isArray() && kept.has("properties")) {
            ArrayNode names = kept.putArray("required");
            required.forEach(name -> {
                if (name.isTextual() && properties != null && properties.has(name.asText())) {
                    names.add(name.asText());
                }
            });
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
            kept.put("additionalProperties", false);
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
                schemas.forEach(sub -> copies.add(of("prefixItems".equals(list) ? sub : typed(sub, kept))));
            }
        }
        values(schema, kept);
        counts(schema, kept);
        strings(schema, kept);
        bounds(schema, kept);
        return recognisable(kept);
    }

    /**
     * An alternative of {@code anyOf}/{@code oneOf} with the type of the schema around it, which the converter
     * would otherwise ignore: in {@code {"type":"string","anyOf":[{"maxLength":2},...]}} each alternative is a string.
     */
    private static JsonNode typed(JsonNode alternative, ObjectNode around) {
        if (!alternative.isObject() || alternative.has("type") || !around.has("type")) {
            return alternative;
        }
        ObjectNode copy = ((ObjectNode) alternative).deepCopy();
        copy.set("type", around.get("type").deepCopy());
        return copy;
    }

    /** Without a type, only structure tells the converter what a schema is; bounds alone would abort it. */
    private static ObjectNode recognisable(ObjectNode kept) {
        if (kept.has("type")) {
            return kept;
        }
        TYPED_ONLY.forEach(kept::remove);
        return STRUCTURE.stream().anyMatch(kept::has) ? kept : Json.MAPPER.createObjectNode();
    }

    private static boolean dollarNamed(JsonNode properties) {
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("$")) {
                return true;
            }
        }
        return false;
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

    /** Values to choose from; the converter resolves a {@code "$ref"} key even inside a value, so those stay out. */
    private static void values(JsonNode schema, ObjectNode kept) {
        JsonNode values = schema.get("enum");
        if (values != null && values.isArray() && !values.isEmpty() && !values.findParents("$ref").isEmpty()) {
            return;
        }
        if (values != null && values.isArray() && !values.isEmpty()) {
            kept.set("enum", values.deepCopy());
        }
        JsonNode constant = schema.get("const");
        if (constant != null && constant.findParents("$ref").isEmpty()) {
            kept.set("const", constant.deepCopy());
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

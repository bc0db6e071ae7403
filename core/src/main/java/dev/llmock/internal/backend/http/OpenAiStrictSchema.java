package dev.llmock.internal.backend.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schema fitted to OpenAI's strict structured outputs ({@code "strict": true}), as "Supported schemas" in OpenAI's
 * Structured Outputs guide (developers.openai.com/api/docs/guides/structured-outputs) states them:
 * <ul>
 *   <li>"all fields must be required": every property is listed in {@code required}, and one the shape leaves
 *       optional is made nullable ({@code "type": ["string", "null"]}, or {@code anyOf} with {@code {"type": "null"}});
 *       the answer's {@code null} for it is removed again ({@code OptionalNulls});</li>
 *   <li>"{@code additionalProperties: false} must always be set in objects";</li>
 *   <li>supported keywords only: for strings {@code pattern} and {@code format} (date-time, time, date, duration,
 *       email, hostname, ipv4, ipv6, uuid), for numbers {@code multipleOf}, {@code maximum},
 *       {@code exclusiveMaximum}, {@code minimum}, {@code exclusiveMinimum}, for arrays {@code minItems},
 *       {@code maxItems}; besides {@code type}, {@code properties}, {@code items}, {@code enum}, {@code const},
 *       {@code anyOf}, {@code $ref}, {@code $defs} and {@code description}. Others ({@code minLength},
 *       {@code maxLength}, {@code uniqueItems}, {@code examples}, other formats, {@code default} ...) are taken out and
 *       written into the {@code description} for the model to read; llmock's own validation still enforces the
 *       shape's;</li>
 *   <li>{@code oneOf} becomes {@code anyOf} (the supported union; llmock checks "exactly one");</li>
 *   <li>"up to 5000 object properties total, with up to 10 levels of nesting".</li>
 * </ul>
 * A schema whose structure strict mode cannot express (objects with free keys, {@code allOf}, {@code not},
 * {@code if}/{@code then}/{@code else}, {@code dependentRequired}/{@code dependentSchemas}, {@code patternProperties},
 * {@code prefixItems}, dynamic references, over the size limits) is sent unchanged with {@code "strict": false}: OpenAI
 * then follows it as guidance, and llmock's validation and correction loop enforce it. A document's bookkeeping
 * ({@code $id}, {@code $anchor}, {@code $comment}) is dropped.
 *
 * @param schema what goes into {@code response_format.json_schema.schema}
 * @param strict the {@code strict} flag to send with it
 */
record OpenAiStrictSchema(ObjectNode schema, boolean strict) {
    private static final Set<String> ANY = Set.of("type", "description", "enum", "const", "anyOf", "$ref", "$defs",
            "definitions");
    private static final Set<String> OBJECT = Set.of("properties", "required", "additionalProperties");
    private static final Set<String> STRING = Set.of("pattern", "format");
    private static final Set<String> NUMBER = Set.of("multipleOf", "maximum", "exclusiveMaximum", "minimum",
            "exclusiveMinimum");
    private static final Set<String> ARRAY = Set.of("items", "minItems", "maxItems");
    private static final Set<String> FORMATS = Set.of("date-time", "time", "date", "duration", "email", "hostname",
            "ipv4", "ipv6", "uuid");
    private static final Set<String> INEXPRESSIBLE = Set.of("allOf", "not", "if", "then", "else", "dependentRequired",
            "dependentSchemas", "patternProperties", "prefixItems", "unevaluatedProperties", "unevaluatedItems",
            "propertyNames", "contains", "$dynamicRef", "$recursiveRef", "dependencies");
    /** A schema document's own bookkeeping: dropped, nothing for the model to read. */
    private static final Set<String> BOOKKEEPING = Set.of("$id", "$anchor", "$dynamicAnchor", "$recursiveAnchor",
            "$comment", "$vocabulary", "$schema");
    private static final int MAX_PROPERTIES = 5000;
    private static final int MAX_NESTING = 10;

    /** {@code bounded} fitted to strict mode, or unchanged with {@code strict} false when it cannot be. */
    static OpenAiStrictSchema of(ObjectNode bounded) {
        int[] properties = new int[1];
        if (!expressible(bounded, 1, properties) || properties[0] > MAX_PROPERTIES) {
            return new OpenAiStrictSchema(bounded, false);
        }
        ObjectNode copy = bounded.deepCopy();
        fit(copy);
        return new OpenAiStrictSchema(copy, true);
    }

    private static boolean expressible(JsonNode node, int nesting, int[] properties) {
        if (!node.isObject()) {
            return true;
        }
        for (String keyword : INEXPRESSIBLE) {
            if (node.has(keyword)) {
                return false;
            }
        }
        boolean object = isObject(node);
        if (object) {
            JsonNode additional = node.get("additionalProperties");
            boolean mapValues = additional != null && additional.isObject();
            boolean closed = additional != null && additional.isBoolean() && !additional.booleanValue();
            if (mapValues || !node.has("properties") && !closed || nesting > MAX_NESTING) {
                return false;
            }
            properties[0] += node.path("properties").size();
        }
        for (JsonNode child : children(node)) {
            if (!expressible(child, object ? nesting + 1 : nesting, properties)) {
                return false;
            }
        }
        return true;
    }

    /** Fits one schema in place, its subschemas first. */
    private static void fit(ObjectNode node) {
        children(node).forEach(child -> {
            if (child.isObject()) {
                fit((ObjectNode) child);
            }
        });
        if (node.has("oneOf")) {
            JsonNode union = node.remove("oneOf");
            node.set("anyOf", union);
        }
        List<String> notes = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        node.fieldNames().forEachRemaining(keyword -> {
            if (!allowed(node, keyword)) {
                removed.add(keyword);
            }
        });
        for (String keyword : removed) {
            JsonNode value = node.remove(keyword);
            if (!BOOKKEEPING.contains(keyword)) {
                notes.add(note(keyword, value));
            }
        }
        if (isObject(node)) {
            requireEveryProperty(node);
        }
        if (!notes.isEmpty()) {
            String described = node.path("description").asText("");
            node.put("description", (described.isEmpty() ? "" : described + " ") + "(" + String.join("; ", notes)
                    + ")");
        }
    }

    private static boolean allowed(JsonNode node, String keyword) {
        if (ANY.contains(keyword)) {
            return true;
        }
        if (STRING.contains(keyword)) {
            return hasType(node, "string") && (!"format".equals(keyword)
                    || FORMATS.contains(node.path("format").asText()));
        }
        return OBJECT.contains(keyword) && isObject(node)
                || NUMBER.contains(keyword) && (hasType(node, "number") || hasType(node, "integer"))
                || ARRAY.contains(keyword) && hasType(node, "array");
    }

    /** Every property required; the ones that were not become nullable. */
    private static void requireEveryProperty(ObjectNode node) {
        Set<String> required = new LinkedHashSet<>();
        node.path("required").forEach(name -> required.add(name.asText()));
        ObjectNode properties = node.with("properties");
        ArrayNode all = node.putArray("required");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            all.add(property.getKey());
            if (!required.contains(property.getKey()) && property.getValue().isObject()) {
                property.setValue(nullable((ObjectNode) property.getValue()));
            }
        }
        node.put("additionalProperties", false);
    }

    private static JsonNode nullable(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual() && !schema.has("anyOf")) {
            if (!"null".equals(type.asText())) {
                schema.putArray("type").add(type.asText()).add("null");
            }
            addNullToEnum(schema);
            return schema;
        }
        if (type != null && type.isArray() && !schema.has("anyOf")) {
            if (!contains(type, "null")) {
                ((ArrayNode) type).add("null");
            }
            addNullToEnum(schema);
            return schema;
        }
        if (schema.has("anyOf") && schema.size() == (schema.has("description") ? 2 : 1)) {
            ArrayNode union = (ArrayNode) schema.get("anyOf");
            boolean hasNull = false;
            for (JsonNode branch : union) {
                hasNull |= "null".equals(branch.path("type").asText());
            }
            if (!hasNull) {
                union.addObject().put("type", "null");
            }
            return schema;
        }
        ObjectNode wrapped = Json.MAPPER.createObjectNode();
        ArrayNode union = wrapped.putArray("anyOf");
        union.add(schema);
        union.addObject().put("type", "null");
        return wrapped;
    }

    private static void addNullToEnum(ObjectNode schema) {
        JsonNode values = schema.get("enum");
        if (values instanceof ArrayNode array) {
            boolean hasNull = false;
            for (JsonNode value : array) {
                hasNull |= value.isNull();
            }
            if (!hasNull) {
                array.addNull();
            }
        }
    }

    /** The keyword and its value in words the model reads in the description. */
    private static String note(String keyword, JsonNode value) {
        return switch (keyword) {
            case "minLength" -> "at least " + value.asText() + " characters";
            case "maxLength" -> "at most " + value.asText() + " characters";
            case "uniqueItems" -> value.asBoolean() ? "items all different" : "items may repeat";
            case "format" -> "format " + value.asText();
            case "examples" -> "for example " + (value.isArray() && value.size() == 1 ? Json.compact(value.get(0))
                    : Json.compact(value));
            default -> keyword + " " + (value.isValueNode() ? value.asText() : Json.compact(value));
        };
    }

    /** The subschemas of one schema: properties, items, anyOf/oneOf branches and definitions. */
    private static List<JsonNode> children(JsonNode node) {
        List<JsonNode> children = new ArrayList<>();
        node.path("properties").forEach(children::add);
        node.path("$defs").forEach(children::add);
        node.path("definitions").forEach(children::add);
        if (node.path("items").isObject()) {
            children.add(node.get("items"));
        }
        if (node.path("additionalProperties").isObject()) {
            children.add(node.get("additionalProperties"));
        }
        node.path("anyOf").forEach(children::add);
        node.path("oneOf").forEach(children::add);
        return children;
    }

    private static boolean isObject(JsonNode node) {
        return hasType(node, "object") || node.has("properties");
    }

    private static boolean hasType(JsonNode node, String type) {
        JsonNode declared = node.get("type");
        return declared != null && (declared.isTextual() ? type.equals(declared.asText()) : contains(declared, type));
    }

    private static boolean contains(JsonNode array, String text) {
        for (JsonNode each : array) {
            if (text.equals(each.asText())) {
                return true;
            }
        }
        return false;
    }
}

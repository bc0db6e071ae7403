package dev.llmock.internal.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.shape.SchemaIndex.Located;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON types a value may take at one place, and which of them the schema's keywords point at. */
enum JsonTypes {
    OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN, NULL;

    private static final Map<JsonTypes, Set<String>> HINTS = Map.of(
            OBJECT, Set.of("properties", "required", "additionalProperties", "patternProperties", "propertyNames",
                    "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "unevaluatedProperties"),
            ARRAY, Set.of("items", "prefixItems", "contains", "minItems", "maxItems", "uniqueItems",
                    "unevaluatedItems", "additionalItems"),
            STRING, Set.of("minLength", "maxLength", "pattern", "format"),
            NUMBER, Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"));

    /** The types every {@code type} keyword of {@code conjunction} allows ({@code number} includes integers). */
    static EnumSet<JsonTypes> allowed(Conjunction conjunction) {
        EnumSet<JsonTypes> allowed = EnumSet.allOf(JsonTypes.class);
        for (Map.Entry<Located, JsonNode> type : conjunction.values("type")) {
            allowed.retainAll(named(type.getValue()));
        }
        for (Located not : conjunction.nots()) {
            JsonNode schema = not.schema();
            if (schema.isObject() && schema.has("type") && onlyKeywords(schema, Set.of("type", "$comment"))) {
                EnumSet<JsonTypes> excluded = named(schema.get("type"));
                if (excluded.contains(NUMBER)) {
                    excluded.add(INTEGER);
                }
                allowed.removeAll(excluded);
            }
        }
        return allowed;
    }

    /** {@code allowed} in the order to try: types the keywords point at first, then by {@code preferred}. */
    static List<JsonTypes> order(EnumSet<JsonTypes> allowed, Conjunction conjunction, List<JsonTypes> rest) {
        List<JsonTypes> order = new ArrayList<>();
        for (JsonTypes type : List.of(OBJECT, ARRAY, STRING, NUMBER)) {
            boolean hinted = HINTS.get(type).stream().anyMatch(conjunction::has);
            if (hinted) {
                addIf(order, allowed, type);
                if (type == NUMBER) {
                    addIf(order, allowed, INTEGER);
                }
            }
        }
        for (JsonTypes type : rest) {
            addIf(order, allowed, type);
        }
        return order;
    }

    private static void addIf(List<JsonTypes> order, EnumSet<JsonTypes> allowed, JsonTypes type) {
        if (allowed.contains(type) && !order.contains(type)) {
            order.add(type);
        }
    }

    private static EnumSet<JsonTypes> named(JsonNode type) {
        EnumSet<JsonTypes> types = EnumSet.noneOf(JsonTypes.class);
        for (JsonNode each : type.isArray() ? type : List.of(type)) {
            switch (each.asText()) {
                case "object" -> types.add(OBJECT);
                case "array" -> types.add(ARRAY);
                case "string" -> types.add(STRING);
                case "integer" -> types.add(INTEGER);
                case "number" -> {
                    types.add(NUMBER);
                    types.add(INTEGER);
                }
                case "boolean" -> types.add(BOOLEAN);
                case "null" -> types.add(NULL);
                default -> {
                    // draft 3's "any" and unknown names: the validator judges
                }
            }
        }
        return types;
    }

    private static boolean onlyKeywords(JsonNode schema, Set<String> keywords) {
        for (var names = schema.fieldNames(); names.hasNext(); ) {
            if (!keywords.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    /** The JSON type of a value. */
    static JsonTypes of(JsonNode value) {
        if (value.isObject()) {
            return OBJECT;
        }
        if (value.isArray()) {
            return ARRAY;
        }
        if (value.isTextual()) {
            return STRING;
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() || value.decimalValue().stripTrailingZeros().scale() <= 0 ? INTEGER : NUMBER;
        }
        return value.isBoolean() ? BOOLEAN : NULL;
    }
}

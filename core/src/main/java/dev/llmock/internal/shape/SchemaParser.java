package dev.llmock.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.ShapeException;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.BooleanShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the JSON Schema subset that describes data (types, properties, items, bounds, formats, local refs). */
public final class SchemaParser {
    /** The extension keyword that carries {@code @Past} / {@code @Future}; plain JSON Schema has none. */
    public static final String TIME_KEYWORD = "x-llmock-time";
    /**
     * The extension keyword that carries a distribution directive: {@code "normal(35, 12)"} on an integer or number
     * (bounds in {@code minimum}/{@code maximum}), or {@code "free:70|premium:25"} on a string enum.
     */
    public static final String DISTRIBUTION_KEYWORD = "x-llmock-distribution";

    /** In a fixed order, so messages that list them read the same on every run ({@code Set.of} order varies). */
    private static final Set<String> TYPES = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("object", "array", "string", "integer", "number", "boolean", "null")));
    private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$defs", "definitions", "$ref", "$comment",
            "type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems",
            "enum", "const", "format", "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "description", "title", "examples", "default", "anyOf", "oneOf", "allOf",
            "nullable", "maxProperties", "minProperties", TIME_KEYWORD, DISTRIBUTION_KEYWORD);

    private final JsonNode document;
    private final Set<String> resolving = new HashSet<>();

    private SchemaParser(JsonNode document) {
        this.document = document;
    }

    /**
     * A JSON Schema has {@code $schema} or {@code properties}, or a {@code type} naming a JSON type with only
     * schema keywords beside it. The last rule keeps a template with a field called {@code type} a template.
     */
    static boolean looksLikeSchema(JsonNode tree) {
        if (!tree.isObject()) {
            return false;
        }
        if (tree.has("$schema") || tree.path("properties").isObject()) {
            return true;
        }
        JsonNode type = tree.get("type");
        boolean typeIsJsonType = type != null && (type.isTextual() && TYPES.contains(type.asText())
                || type.isArray() && type.size() > 0 && type.get(0).isTextual() && TYPES.contains(type.get(0).asText()));
        if (!typeIsJsonType) {
            return false;
        }
        var names = tree.fieldNames();
        while (names.hasNext()) {
            if (!KEYWORDS.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    public static ParsedShape parse(JsonNode schema) {
        return new ParsedShape(new SchemaParser(schema).node(schema, ""), 1);
    }

    private ShapeNode node(JsonNode schema, String at) {
        if (schema.isBoolean()) {
            throw unsupported(at, "a boolean schema (true/false) says nothing about the data to generate;"
                    + " give a schema with a type");
        }
        if (!schema.isObject()) {
            throw unsupported(at, "expected a schema object, but found " + schema.getNodeType().toString().toLowerCase());
        }
        if (schema.has("$ref")) {
            return ref(schema.get("$ref").asText(), at);
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.has(combinator)) {
                return alternatives(schema.get(combinator), at + "/" + combinator);
            }
        }
        if (schema.has("allOf")) {
            return allOf(schema, at);
        }
        List<String> types = types(schema, at);
        boolean nullable = types.remove("null") || schema.path("nullable").asBoolean(false);
        if (types.size() > 1) {
            throw unsupported(at + "/type", "a value of several types " + types + " cannot be generated"
                    + " consistently; use one type (plus \"null\")");
        }
        String type = types.isEmpty() ? "null" : types.get(0);
        ShapeNode node = switch (type) {
            case "object" -> object(schema, at);
            case "array" -> array(schema, at);
            case "string" -> string(schema, at);
            case "integer" -> number(schema, true, at);
            case "number" -> number(schema, false, at);
            case "boolean" -> new BooleanShape();
            default -> throw unsupported(at + "/type", "a value that can only be null carries no data;"
                    + " give a type such as \"string\"");
        };
        return nullable ? new NullableShape(node) : node;
    }

    private List<String> types(JsonNode schema, String at) {
        List<String> types = new ArrayList<>();
        JsonNode type = schema.get("type");
        if (type == null) {
            if (schema.has("properties") || schema.has("additionalProperties")) {
                types.add("object");
            } else if (schema.has("items")) {
                types.add("array");
            } else if (schema.has("enum") || schema.has("const") || schema.has("format") || schema.has("pattern")) {
                types.add("string");
            } else {
                throw unsupported(at, "the schema has no \"type\"; expected one of " + TYPES);
            }
            return types;
        }
        for (JsonNode each : type.isArray() ? type : List.of(type)) {
            if (!each.isTextual() || !TYPES.contains(each.asText())) {
                throw unsupported(at + "/type", "expected one of " + TYPES + ", but found " + each);
            }
            types.add(each.asText());
        }
        return types;
    }

    private ShapeNode object(JsonNode schema, String at) {
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        if (properties.isMissingNode() && additional != null && additional.isObject()) {
            Integer maxProperties = schema.has("maxProperties") ? schema.get("maxProperties").asInt() : null;
            return new MapShape(node(additional, at + "/additionalProperties"), maxProperties);
        }
        Map<String, ShapeNode> fields = new LinkedHashMap<>();
        properties.fields().forEachRemaining(e -> fields.put(e.getKey(),
                node(e.getValue(), at + "/properties/" + escape(e.getKey()))));
        Set<String> required = new LinkedHashSet<>();
        for (JsonNode name : schema.path("required")) {
            if (!fields.containsKey(name.asText())) {
                throw unsupported(at + "/required", "\"" + name.asText() + "\" is required but not among the properties "
                        + fields.keySet());
            }
            required.add(name.asText());
        }
        String description = schema.hasNonNull("description") ? schema.get("description").asText() : null;
        return new ObjectShape(fields, required, description);
    }

    private ShapeNode array(JsonNode schema, String at) {
        JsonNode items = schema.get("items");
        if (items == null || !items.isObject()) {
            throw unsupported(at, "an array needs \"items\" with one schema for its elements");
        }
        return new ArrayShape(node(items, at + "/items"), intOrNull(schema, "minItems"), intOrNull(schema, "maxItems"),
                schema.path("uniqueItems").asBoolean(false));
    }

    private ShapeNode string(JsonNode schema, String at) {
        List<String> values = new ArrayList<>();
        if (schema.has("const")) {
            values.add(schema.get("const").asText());
        }
        for (JsonNode value : schema.path("enum")) {
            if (!value.isTextual()) {
                throw unsupported(at + "/enum", "only string enums are supported, but found " + value);
            }
            values.add(value.asText());
        }
        String example = schema.path("examples").isArray() && schema.path("examples").size() > 0
                ? schema.path("examples").get(0).asText() : null;
        ShapeNode.Temporal time = switch (schema.path(TIME_KEYWORD).asText("")) {
            case "past" -> ShapeNode.Temporal.PAST;
            case "future" -> ShapeNode.Temporal.FUTURE;
            default -> ShapeNode.Temporal.ANY;
        };
        if (schema.hasNonNull("pattern")) {
            checkPattern(schema.get("pattern").asText(), at + "/pattern");
        }
        StringShape string = new StringShape(schema.hasNonNull("format") ? schema.get("format").asText() : null,
                values, intOrNull(schema, "minLength"), intOrNull(schema, "maxLength"),
                schema.hasNonNull("pattern") ? schema.get("pattern").asText() : null, time, example);
        if (schema.hasNonNull(DISTRIBUTION_KEYWORD)) {
            try {
                return Directives.weighted(string, schema.get(DISTRIBUTION_KEYWORD).asText());
            } catch (RuntimeException e) {
                throw unsupported(at + "/" + DISTRIBUTION_KEYWORD, e.getMessage());
            }
        }
        return string;
    }

    private ShapeNode number(JsonNode schema, boolean integer, String at) {
        BigDecimal min = decimalOrNull(schema, "minimum");
        BigDecimal max = decimalOrNull(schema, "maximum");
        BigDecimal exclusiveMin = decimalOrNull(schema, "exclusiveMinimum");
        BigDecimal exclusiveMax = decimalOrNull(schema, "exclusiveMaximum");
        BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.01");
        if (exclusiveMin != null) {
            min = exclusiveMin.add(step);
        }
        if (exclusiveMax != null) {
            max = exclusiveMax.subtract(step);
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw unsupported(at, "minimum " + min.toPlainString() + " is above maximum " + max.toPlainString());
        }
        NumberShape number = new NumberShape(integer, min, max);
        if (schema.hasNonNull(DISTRIBUTION_KEYWORD)) {
            try {
                Distribution distribution = Distribution.parse(schema.get(DISTRIBUTION_KEYWORD).asText());
                return new ShapeNode.DistributionShape(number, distribution);
            } catch (IllegalArgumentException e) {
                throw unsupported(at + "/" + DISTRIBUTION_KEYWORD, e.getMessage());
            }
        }
        return number;
    }

    private ShapeNode alternatives(JsonNode options, String at) {
        List<JsonNode> nonNull = new ArrayList<>();
        boolean nullable = false;
        for (JsonNode option : options) {
            if ("null".equals(option.path("type").asText())) {
                nullable = true;
            } else {
                nonNull.add(option);
            }
        }
        if (nonNull.isEmpty()) {
            throw unsupported(at, "every alternative is null; give at least one typed alternative");
        }
        // Generated data takes the first alternative; the others are accepted as documentation.
        ShapeNode first = node(nonNull.get(0), at + "/0");
        return nullable ? new NullableShape(first) : first;
    }

    private ShapeNode allOf(JsonNode schema, String at) {
        var merged = schema.deepCopy();
        var all = ((com.fasterxml.jackson.databind.node.ObjectNode) merged).remove("allOf");
        var target = (com.fasterxml.jackson.databind.node.ObjectNode) merged;
        for (JsonNode part : all) {
            JsonNode resolved = part.has("$ref") ? resolve(part.get("$ref").asText(), at) : part;
            resolved.fields().forEachRemaining(e -> {
                if (e.getValue().isObject() && target.get(e.getKey()) instanceof com.fasterxml.jackson.databind.node.ObjectNode existing) {
                    existing.setAll((com.fasterxml.jackson.databind.node.ObjectNode) e.getValue());
                } else if (e.getValue().isArray() && target.get(e.getKey()) instanceof com.fasterxml.jackson.databind.node.ArrayNode existing) {
                    existing.addAll((com.fasterxml.jackson.databind.node.ArrayNode) e.getValue());
                } else {
                    target.set(e.getKey(), e.getValue());
                }
            });
        }
        return node(target, at);
    }

    private ShapeNode ref(String ref, String at) {
        if (!resolving.add(ref)) {
            throw unsupported(at + "/$ref", "the schema refers to itself through \"" + ref + "\"; recursive shapes"
                    + " cannot be generated to a finite depth. Give the nested level its own schema");
        }
        try {
            return node(resolve(ref, at), ref.substring(1));
        } finally {
            resolving.remove(ref);
        }
    }

    private JsonNode resolve(String ref, String at) {
        if (!ref.startsWith("#")) {
            throw unsupported(at + "/$ref", "only local references (\"#/$defs/Name\") are supported, but found \""
                    + ref + "\"; inline the referenced schema");
        }
        JsonNode target = document.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw unsupported(at + "/$ref", "\"" + ref + "\" points at nothing in this schema");
        }
        return target;
    }

    /** A pattern Java cannot compile fails here, with its pointer, rather than later inside validation. */
    private static void checkPattern(String pattern, String at) {
        try {
            java.util.regex.Pattern.compile(pattern);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw unsupported(at, "\"" + pattern + "\" is not a regular expression Java can read ("
                    + e.getDescription() + " at index " + e.getIndex() + ")");
        }
    }

    private static Integer intOrNull(JsonNode schema, String key) {
        return schema.hasNonNull(key) ? schema.get(key).asInt() : null;
    }

    private static BigDecimal decimalOrNull(JsonNode schema, String key) {
        JsonNode value = schema.get(key);
        return value != null && value.isNumber() ? Numbers.normalize(value.decimalValue()) : null;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static ShapeException unsupported(String pointer, String what) {
        return new ShapeException("Unsupported JSON Schema at " + (pointer.isEmpty() ? "(root)" : pointer) + ": "
                + what + ".");
    }
}

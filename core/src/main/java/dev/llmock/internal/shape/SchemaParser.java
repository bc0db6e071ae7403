package dev.llmock.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.ShapeException;
import dev.llmock.internal.shape.ShapeNode.AnyShape;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.BooleanShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a JSON Schema: compiles it for validation ({@link SchemaDocument}) and derives llmock's simpler view of it
 * (properties, items, bounds, formats), which routing, type checks and edge cases use. Parts the view cannot
 * express become {@link AnyShape}; validation and generation always work on the schema itself.
 */
public final class SchemaParser {
    /** The extension keyword that carries {@code @Past} / {@code @Future}; plain JSON Schema has none. */
    public static final String TIME_KEYWORD = "x-llmock-time";
    /**
     * The extension keyword that carries a distribution directive: {@code "normal(35, 12)"} on an integer or number
     * (bounds in {@code minimum}/{@code maximum}), or {@code "free:70|premium:25"} on a string enum.
     */
    public static final String DISTRIBUTION_KEYWORD = "x-llmock-distribution";

    /** In a fixed order, so messages that list them read the same on every run ({@code Set.of} order varies). */
    private static final Set<String> TYPES = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("object", "array", "string", "integer", "number", "boolean", "null")));
    private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$defs", "definitions", "$ref", "$comment",
            "$anchor", "$dynamicRef", "$dynamicAnchor", "type", "properties", "required", "additionalProperties",
            "patternProperties", "propertyNames", "dependentRequired", "dependentSchemas", "unevaluatedProperties",
            "items", "prefixItems", "contains", "minContains", "maxContains", "unevaluatedItems", "minItems",
            "maxItems", "uniqueItems", "enum", "const", "format", "minLength", "maxLength", "pattern", "minimum",
            "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "description", "title", "examples",
            "default", "anyOf", "oneOf", "allOf", "not", "if", "then", "else", "nullable", "maxProperties",
            "minProperties", "readOnly", "writeOnly", "deprecated", TIME_KEYWORD, DISTRIBUTION_KEYWORD);

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

    /**
     * Compiles {@code schema} and derives its view.
     *
     * @throws ShapeException when the schema cannot be read, naming what and where
     */
    public static ParsedShape parse(JsonNode schema) {
        SchemaDocument compiled = SchemaDocument.compile(schema);
        return new ParsedShape(new SchemaParser(compiled.document()).node(compiled.document(), ""), 1, compiled);
    }

    private ShapeNode node(JsonNode schema, String at) {
        if (!schema.isObject()) {
            return new AnyShape();
        }
        if (schema.has("$ref") && schema.get("$ref").isTextual()) {
            return ref(schema.get("$ref").asText());
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.get(combinator) instanceof ArrayNode options) {
                return alternatives(options, at + "/" + combinator);
            }
        }
        if (schema.get("allOf") instanceof ArrayNode) {
            return allOf((ObjectNode) schema, at);
        }
        List<String> types = types(schema);
        boolean nullable = types.remove("null") || schema.path("nullable").asBoolean(false);
        if (types.size() != 1) {
            return new AnyShape();
        }
        ShapeNode node = switch (types.get(0)) {
            case "object" -> object(schema, at);
            case "array" -> array(schema, at);
            case "string" -> string(schema, at);
            case "integer" -> number(schema, true, at);
            case "number" -> number(schema, false, at);
            default -> new BooleanShape();
        };
        return nullable ? new NullableShape(node) : node;
    }

    private static List<String> types(JsonNode schema) {
        List<String> types = new ArrayList<>();
        JsonNode type = schema.get("type");
        if (type == null) {
            if (schema.has("properties") || schema.has("additionalProperties")) {
                types.add("object");
            } else if (schema.has("items")) {
                types.add("array");
            } else if (schema.has("enum") && allText(schema.get("enum")) || schema.path("const").isTextual()
                    || schema.has("format") || schema.has("pattern")) {
                types.add("string");
            }
            return types;
        }
        for (JsonNode each : type.isArray() ? type : List.of(type)) {
            if (each.isTextual() && TYPES.contains(each.asText())) {
                types.add(each.asText());
            }
        }
        return types;
    }

    private static boolean allText(JsonNode values) {
        for (JsonNode value : values) {
            if (!value.isTextual()) {
                return false;
            }
        }
        return values.size() > 0;
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
            if (fields.containsKey(name.asText())) {
                required.add(name.asText());
            }
        }
        String description = schema.hasNonNull("description") ? schema.get("description").asText() : null;
        return new ObjectShape(fields, required, description);
    }

    private ShapeNode array(JsonNode schema, String at) {
        JsonNode items = schema.get("items");
        ShapeNode item = items != null && items.isObject() ? node(items, at + "/items") : new AnyShape();
        return new ArrayShape(item, intOrNull(schema, "minItems"), intOrNull(schema, "maxItems"),
                schema.path("uniqueItems").asBoolean(false));
    }

    private ShapeNode string(JsonNode schema, String at) {
        List<String> values = new ArrayList<>();
        if (schema.path("const").isTextual()) {
            values.add(schema.get("const").asText());
        }
        for (JsonNode value : schema.path("enum")) {
            if (value.isTextual()) {
                values.add(value.asText());
            }
        }
        String example = schema.path("examples").isArray() && schema.path("examples").size() > 0
                ? schema.path("examples").get(0).asText() : null;
        ShapeNode.Temporal time = switch (schema.path(TIME_KEYWORD).asText("")) {
            case "past" -> ShapeNode.Temporal.PAST;
            case "future" -> ShapeNode.Temporal.FUTURE;
            default -> ShapeNode.Temporal.ANY;
        };
        String pattern = schema.path("pattern").isTextual() ? schema.get("pattern").asText() : null;
        if (pattern != null && !javaReads(pattern)) {
            pattern = null;
        }
        StringShape string = new StringShape(schema.path("format").isTextual() ? schema.get("format").asText() : null,
                values, intOrNull(schema, "minLength"), intOrNull(schema, "maxLength"), pattern, time, example);
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
        // The view's bounds are inclusive: the nearest value inside an exclusive bound stands for it.
        BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.01");
        if (exclusiveMin != null && (min == null || exclusiveMin.compareTo(min) >= 0)) {
            min = exclusiveMin.add(step);
        }
        if (exclusiveMax != null && (max == null || exclusiveMax.compareTo(max) <= 0)) {
            max = exclusiveMax.subtract(step);
        }
        NumberShape number = new NumberShape(integer, min, max);
        if (schema.hasNonNull(DISTRIBUTION_KEYWORD)) {
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw unsupported(at, "minimum " + min.toPlainString() + " is above maximum " + max.toPlainString());
            }
            try {
                Distribution distribution = Distribution.parse(schema.get(DISTRIBUTION_KEYWORD).asText());
                return new ShapeNode.DistributionShape(number, distribution);
            } catch (IllegalArgumentException e) {
                throw unsupported(at + "/" + DISTRIBUTION_KEYWORD, e.getMessage());
            }
        }
        return number;
    }

    private ShapeNode alternatives(ArrayNode options, String at) {
        List<JsonNode> nonNull = new ArrayList<>();
        boolean nullable = false;
        for (JsonNode option : options) {
            if ("null".equals(option.path("type").asText())) {
                nullable = true;
            } else {
                nonNull.add(option);
            }
        }
        if (nonNull.size() != 1) {
            // Several typed options: the view cannot say which; the schema itself decides.
            return new AnyShape();
        }
        ShapeNode only = node(nonNull.get(0), at + "/0");
        return nullable ? new NullableShape(only) : only;
    }

    private ShapeNode allOf(ObjectNode schema, String at) {
        ObjectNode target = schema.deepCopy();
        JsonNode all = target.remove("allOf");
        for (JsonNode part : all) {
            JsonNode resolved = part.path("$ref").isTextual() ? resolve(part.get("$ref").asText()) : part;
            if (resolved == null || !resolved.isObject()) {
                return new AnyShape();
            }
            resolved.fields().forEachRemaining(e -> {
                if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode existing) {
                    existing.setAll((ObjectNode) e.getValue());
                } else if (e.getValue().isArray() && target.get(e.getKey()) instanceof ArrayNode existing) {
                    existing.addAll((ArrayNode) e.getValue());
                } else {
                    target.set(e.getKey(), e.getValue());
                }
            });
        }
        return node(target, at);
    }

    private ShapeNode ref(String ref) {
        JsonNode target = resolve(ref);
        if (target == null || !resolving.add(ref)) {
            // Recursive or not a plain pointer: the view stops here.
            return new AnyShape();
        }
        try {
            return node(target, ref.substring(1));
        } finally {
            resolving.remove(ref);
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/") && !ref.equals("#")) {
            return null;
        }
        JsonNode target = document.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }

    private static boolean javaReads(String pattern) {
        try {
            // The view's pattern is read as Java reads it (llmock's own validator and generator do), so both must.
            EcmaRegex.compile(pattern);
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static Integer intOrNull(JsonNode schema, String key) {
        return schema.path(key).isNumber() ? schema.get(key).asInt() : null;
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

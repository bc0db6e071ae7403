package dev.llmock.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.openapi.OpenApiException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns an OpenAPI Schema Object into a complete JSON Schema (draft 2020-12) that stands on its own: references to
 * {@code #/components/schemas/...} point into {@code $defs}, which holds exactly the components it reaches; OpenAPI
 * 3.0's own words become JSON Schema ({@code nullable}, {@code example}, boolean {@code exclusiveMinimum}); words that
 * describe no data ({@code discriminator}, {@code xml}, {@code externalDocs}, {@code x-...}) are left out; and a
 * request schema leaves out {@code readOnly} properties, a response schema {@code writeOnly} ones, as OpenAPI says.
 */
public final class SchemaConverter {
    static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final String COMPONENTS = "#/components/schemas/";
    private static final String DEFS = "#/$defs/";
    private static final Set<String> DROPPED = Set.of("discriminator", "xml", "externalDocs", "example", "nullable");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Whether the schema describes what a client sends or what the server answers. */
    public enum Direction {
        REQUEST("readOnly"), RESPONSE("writeOnly");

        private final String hiddenKeyword;

        Direction(String hiddenKeyword) {
            this.hiddenKeyword = hiddenKeyword;
        }
    }

    private final ObjectNode document;
    private final Direction direction;
    private final String source;

    /**
     * @param document  the whole OpenAPI description as JSON, for its components
     * @param direction which properties OpenAPI hides in this direction
     * @param source    the file, for messages
     */
    public SchemaConverter(ObjectNode document, Direction direction, String source) {
        this.document = document;
        this.direction = direction;
        this.source = source;
    }

    /**
     * The complete JSON Schema for {@code schema}, found at {@code at} (a JSON Pointer into the description, for
     * messages).
     */
    public ObjectNode convert(JsonNode schema, String at) {
        JsonNode root = convertNode(schema, at, new ArrayDeque<>());
        ObjectNode result = NODES.objectNode();
        result.put("$schema", SCHEMA_DIALECT);
        if (root.isObject()) {
            result.setAll((ObjectNode) root);
        } else if (root.isBoolean() && !root.asBoolean()) {
            result.putObject("not");
        }
        Set<String> reached = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>();
        collectRefs(root, pending);
        ObjectNode defs = NODES.objectNode();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!reached.add(name)) {
                continue;
            }
            JsonNode component = document.path("components").path("schemas").get(name);
            if (component == null) {
                throw new OpenApiException(Messages.missingComponent(source, name, at));
            }
            JsonNode converted = convertNode(component, "/components/schemas/" + Pointers.escape(name),
                    new ArrayDeque<>());
            defs.set(name, converted);
            collectRefs(converted, pending);
        }
        if (!defs.isEmpty()) {
            ObjectNode sorted = result.putObject("$defs");
            reached.forEach(name -> sorted.set(name, defs.get(name)));
        }
        return result;
    }

    private JsonNode convertNode(JsonNode schema, String at, Deque<String> inlining) {
        if (!schema.isObject()) {
            return schema.deepCopy();
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (DROPPED.contains(key) || key.startsWith("x-") && !key.startsWith("x-llmock-")) {
                continue;
            }
            switch (key) {
                case "$ref" -> {
                    JsonNode ref = ref(value.asText(), at, inlining);
                    if (ref.isObject()) {
                        out.setAll((ObjectNode) ref);
                    }
                }
                case "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" ->
                        out.set(key, eachMember(value, at + "/" + key, inlining));
                case "allOf", "anyOf", "oneOf", "prefixItems" -> out.set(key, eachItem(value, at + "/" + key, inlining));
                case "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else",
                     "unevaluatedProperties", "unevaluatedItems", "additionalItems" ->
                        out.set(key, value.isArray() ? eachItem(value, at + "/" + key, inlining)
                                : convertNode(value, at + "/" + key, inlining));
                case "exclusiveMinimum", "exclusiveMaximum" -> {
                    if (value.isNumber()) {
                        out.set(key, plainNumbers(value));
                    }
                }
                default -> out.set(key, plainNumbers(value));
            }
        }
        if (schema.has("example") && !schema.has("examples") && !schema.get("example").isNull()) {
            out.putArray("examples").add(plainNumbers(schema.get("example")));
        }
        booleanExclusiveBounds(schema, out);
        hideProperties(out);
        return schema.path("nullable").asBoolean(false) ? nullable(out) : out;
    }

    private JsonNode ref(String ref, String at, Deque<String> inlining) {
        if (ref.startsWith(COMPONENTS) && !ref.substring(COMPONENTS.length()).contains("/")) {
            return NODES.objectNode().put("$ref", DEFS + ref.substring(COMPONENTS.length()));
        }
        if (!ref.startsWith("#")) {
            throw new OpenApiException(Messages.externalRef(source, ref, at));
        }
        if (inlining.contains(ref)) {
            throw new OpenApiException(Messages.recursiveRef(source, ref, at));
        }
        JsonNode target = document.at(Pointers.fromFragment(ref));
        if (target.isMissingNode()) {
            throw new OpenApiException(Messages.danglingRef(source, ref, at));
        }
        inlining.push(ref);
        try {
            return convertNode(target, ref.substring(1), inlining);
        } finally {
            inlining.pop();
        }
    }

    private ObjectNode eachMember(JsonNode members, String at, Deque<String> inlining) {
        ObjectNode out = NODES.objectNode();
        members.fields().forEachRemaining(e -> out.set(e.getKey(),
                convertNode(e.getValue(), at + "/" + Pointers.escape(e.getKey()), inlining)));
        return out;
    }

    private ArrayNode eachItem(JsonNode items, String at, Deque<String> inlining) {
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < items.size(); i++) {
            out.add(convertNode(items.get(i), at + "/" + i, inlining));
        }
        return out;
    }

    /** OpenAPI 3.0 (draft 4) writes {@code "exclusiveMinimum": true} beside {@code minimum}; 2020-12 a number. */
    private static void booleanExclusiveBounds(JsonNode schema, ObjectNode out) {
        for (String bound : new String[] {"minimum", "maximum"}) {
            String exclusive = "exclusive" + Character.toUpperCase(bound.charAt(0)) + bound.substring(1);
            JsonNode flag = schema.get(exclusive);
            if (flag != null && flag.isBoolean() && flag.asBoolean() && schema.path(bound).isNumber()) {
                out.set(exclusive, plainNumbers(schema.get(bound)));
                out.remove(bound);
            }
        }
    }

    /** OpenAPI keeps {@code readOnly} properties out of requests and {@code writeOnly} ones out of responses. */
    private void hideProperties(ObjectNode out) {
        JsonNode properties = out.get("properties");
        if (properties == null || !properties.isObject()) {
            return;
        }
        Set<String> hidden = new LinkedHashSet<>();
        properties.fields().forEachRemaining(e -> {
            if (e.getValue().path(direction.hiddenKeyword).asBoolean(false)) {
                hidden.add(e.getKey());
            }
        });
        if (hidden.isEmpty()) {
            return;
        }
        ((ObjectNode) properties).remove(hidden);
        JsonNode required = out.get("required");
        if (required != null && required.isArray()) {
            ArrayNode kept = NODES.arrayNode();
            required.forEach(name -> {
                if (!hidden.contains(name.asText())) {
                    kept.add(name);
                }
            });
            out.set("required", kept);
        }
    }

    /** OpenAPI 3.0's {@code nullable: true}: null is one more value the schema allows. */
    private static JsonNode nullable(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            schema.set("type", NODES.arrayNode().add(type.asText()).add("null"));
            JsonNode values = schema.get("enum");
            if (values instanceof ArrayNode array && !containsNull(array)) {
                array.addNull();
            }
            return schema;
        }
        ObjectNode wrapped = NODES.objectNode();
        ArrayNode anyOf = wrapped.putArray("anyOf");
        anyOf.add(schema);
        anyOf.addObject().put("type", "null");
        return wrapped;
    }

    /** swagger-parser reads numbers as BigDecimal ({@code 1E+2} for 100); whole ones become integers again. */
    static JsonNode plainNumbers(JsonNode value) {
        if (value.isBigDecimal()) {
            BigDecimal number = value.decimalValue().stripTrailingZeros();
            if (number.scale() <= 0 && number.precision() - number.scale() < 10
                    && number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                    && number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0) {
                return NODES.numberNode(number.intValueExact());
            }
            if (number.scale() <= 0 && number.precision() - number.scale() < 19) {
                return NODES.numberNode(number.longValueExact());
            }
            return NODES.numberNode(number.scale() < 0 ? number.setScale(0) : number);
        }
        if (value.isContainerNode()) {
            JsonNode copy = value.deepCopy();
            if (copy.isObject()) {
                ((ObjectNode) copy).fields().forEachRemaining(e -> e.setValue(plainNumbers(e.getValue())));
            } else {
                ArrayNode array = (ArrayNode) copy;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, plainNumbers(array.get(i)));
                }
            }
            return copy;
        }
        return value.deepCopy();
    }

    private static boolean containsNull(ArrayNode values) {
        for (JsonNode value : values) {
            if (value.isNull()) {
                return true;
            }
        }
        return false;
    }

    private static void collectRefs(JsonNode node, Deque<String> into) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(DEFS)) {
                into.add(Pointers.unescape(ref.asText().substring(DEFS.length()).split("/", 2)[0]));
            }
            node.elements().forEachRemaining(child -> collectRefs(child, into));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, into));
        }
    }
}

package dev.llmock.internal.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.SchemaParser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema sent to a provider: the shape's schema with every string and array bounded, inside an object
 * envelope when the answer is not itself an object.
 *
 * <p>Bounds matter because small local models under grammar-constrained decoding may never choose to close a string
 * or an array and run on until the token limit; the shape's own limits win, the configured {@code limits} fill in.
 *
 * <p>The envelope exists because OpenAI's strict structured output and Anthropic's tool {@code input_schema} both need
 * an object at the root: N records travel as {@code {"items": [...]}} (with {@code minItems} = {@code maxItems} = N)
 * and a single non-object value as {@code {"value": ...}}. {@link #unwrap} takes them out again.
 *
 * @param schema      what the provider is given
 * @param envelopeKey {@value #ITEMS} or {@value #VALUE} when the answer is wrapped, else null
 * @param count       records asked for
 */
public record ProviderSchema(ObjectNode schema, String envelopeKey, int count) {
    /** The envelope key holding N records. */
    public static final String ITEMS = "items";
    /** The envelope key holding one value that is not an object. */
    public static final String VALUE = "value";

    private static final List<String> SUBSCHEMA_LISTS = List.of("anyOf", "oneOf", "allOf", "prefixItems");
    private static final List<String> SUBSCHEMA_MAPS = List.of("properties", "$defs", "definitions",
            "patternProperties");

    public static ProviderSchema of(Shape shape, int count, LlmockConfig.Limits limits) {
        ObjectNode record = bound(shape.toJsonSchema(), limits);
        if (count > 1) {
            ObjectNode array = Json.MAPPER.createObjectNode();
            array.put("type", "array");
            array.set("items", record);
            array.put("minItems", count);
            array.put("maxItems", count);
            return new ProviderSchema(envelope(ITEMS, array), ITEMS, count);
        }
        if (!"object".equals(record.path("type").asText())) {
            return new ProviderSchema(envelope(VALUE, record), VALUE, count);
        }
        return new ProviderSchema(record, null, count);
    }

    /**
     * A copy of {@code schema} in which every string has a {@code maxLength} and every array a {@code maxItems}
     * (unless it is an enum or already bounded), without {@code $schema} and llmock's own {@code x-} keywords, which
     * strict providers reject.
     */
    public static ObjectNode bound(JsonNode schema, LlmockConfig.Limits limits) {
        ObjectNode copy = schema.deepCopy();
        copy.remove("$schema");
        boundNode(copy, limits);
        return copy;
    }

    /** The answer without its envelope; an answer that came without one (json_object mode) is taken as it is. */
    public JsonNode unwrap(JsonNode answer) {
        if (answer == null || envelopeKey == null) {
            return answer;
        }
        if (answer.isObject() && answer.has(envelopeKey) && answer.size() == 1) {
            return answer.get(envelopeKey);
        }
        if (ITEMS.equals(envelopeKey) && answer.isObject() && answer.size() == 1) {
            // Models in json_object mode often pick their own key ({"users": [...]}); one array field is the answer.
            JsonNode only = answer.elements().next();
            if (only.isArray()) {
                return only;
            }
        }
        return answer;
    }

    /** The schema as pretty text, for prompts. */
    public String text() {
        return Json.pretty(schema);
    }

    private static ObjectNode envelope(String key, JsonNode inner) {
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.put("type", "object");
        envelope.putObject("properties").set(key, inner);
        envelope.putArray("required").add(key);
        envelope.put("additionalProperties", false);
        return envelope;
    }

    private static void boundNode(ObjectNode node, LlmockConfig.Limits limits) {
        List<String> custom = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("x-")) {
                custom.add(name);
            }
        });
        String time = node.path(SchemaParser.TIME_KEYWORD).asText(null);
        custom.forEach(node::remove);
        if (time != null) {
            String hint = "a moment in the " + time;
            node.put("description", node.has("description") ? node.get("description").asText() + " (" + hint + ")"
                    : hint);
        }
        if (hasType(node, "string") && !node.has("enum") && !node.has("const") && !node.has("maxLength")) {
            node.put("maxLength", Math.max(limits.maxStringLength(), node.path("minLength").asInt(0)));
        }
        if (hasType(node, "array") && !node.has("maxItems")) {
            node.put("maxItems", Math.max(limits.maxArrayItems(), node.path("minItems").asInt(0)));
        }
        JsonNode items = node.get("items");
        if (items != null && items.isObject()) {
            boundNode((ObjectNode) items, limits);
        }
        JsonNode additional = node.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            boundNode((ObjectNode) additional, limits);
        }
        for (String key : SUBSCHEMA_LISTS) {
            JsonNode list = node.get(key);
            if (list instanceof ArrayNode array) {
                array.forEach(sub -> {
                    if (sub.isObject()) {
                        boundNode((ObjectNode) sub, limits);
                    }
                });
            }
        }
        for (String key : SUBSCHEMA_MAPS) {
            JsonNode map = node.get(key);
            if (map != null && map.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                    JsonNode sub = it.next().getValue();
                    if (sub.isObject()) {
                        boundNode((ObjectNode) sub, limits);
                    }
                }
            }
        }
    }

    private static boolean hasType(JsonNode node, String type) {
        JsonNode declared = node.get("type");
        if (declared == null) {
            return false;
        }
        if (declared.isArray()) {
            for (JsonNode each : declared) {
                if (type.equals(each.asText())) {
                    return true;
                }
            }
            return false;
        }
        return type.equals(declared.asText());
    }
}

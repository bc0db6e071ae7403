package dev.llmock.internal.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes {@code null} values of properties the shape leaves optional and does not allow to be null: strict providers
 * must be sent every property as required (an optional one made nullable), so their answer says {@code null} where
 * the shape wants the property left out.
 */
public final class OptionalNulls {
    private static final int MAX_DEPTH = 16;
    private OptionalNulls() {
    }

    /**
     * A provider's answer without those nulls, changed in place: the data itself, or for a validator's call the
     * verdict's {@code corrected} data (see {@link VerdictSchema}), whose other fields have no optional properties.
     *
     * @param schema  the JSON Schema of one record of the data
     * @param count   records asked for
     * @param verdict whether the answer is a validator's verdict around the data
     */
    public static JsonNode stripAnswer(JsonNode answer, JsonNode schema, int count, boolean verdict) {
        if (!verdict) {
            return strip(answer, schema, count);
        }
        if (answer != null && answer.isObject() && answer.has("corrected")) {
            strip(answer.get("corrected"), schema, count);
        }
        return answer;
    }

    /**
     * {@code answer} without those nulls, changed in place.
     *
     * @param schema the JSON Schema of one record
     * @param count  records asked for: above 1 the answer is an array of records
     */
    public static JsonNode strip(JsonNode answer, JsonNode schema, int count) {
        if (answer != null && count > 1 && answer.isArray()) {
            answer.forEach(record -> strip(record, schema, schema));
        } else if (answer != null) {
            strip(answer, schema, schema);
        }
        return answer;
    }

    /** @param root the record's schema document, which local {@code $ref}s ({@code #/$defs/...}) point into */
    private static void strip(JsonNode value, JsonNode given, JsonNode root) {
        JsonNode schema = referenced(given, root);
        if (value.isArray() && schema.path("items").isObject()) {
            value.forEach(item -> strip(item, schema.get("items"), root));
            return;
        }
        JsonNode properties = schema.path("properties");
        if (!value.isObject() || !properties.isObject()) {
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        List<String> absent = new ArrayList<>();
        value.fields().forEachRemaining(field -> {
            JsonNode property = properties.get(field.getKey());
            if (property == null) {
                return;
            }
            if (field.getValue().isNull() && !required.contains(field.getKey())
                    && !allowsNull(referenced(property, root), root, 0)) {
                absent.add(field.getKey());
            } else {
                strip(field.getValue(), property, root);
            }
        });
        absent.forEach(((ObjectNode) value)::remove);
    }

    /** The schema a local {@code $ref} points to, else {@code schema} itself. */
    private static JsonNode referenced(JsonNode schema, JsonNode root) {
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
            JsonNode target = root.at(ref.asText().substring(1));
            return target.isMissingNode() ? schema : target;
        }
        return schema;
    }

    /** @param depth unions followed so far: a union that refers to itself is followed {@value #MAX_DEPTH} deep */
    private static boolean allowsNull(JsonNode schema, JsonNode root, int depth) {
        JsonNode type = schema.get("type");
        if (type != null && (type.isTextual() ? "null".equals(type.asText()) : contains(type))) {
            return true;
        }
        for (String union : new String[] {"anyOf", "oneOf"}) {
            for (JsonNode branch : schema.path(union)) {
                if (depth < MAX_DEPTH && allowsNull(referenced(branch, root), root, depth + 1)) {
                    return true;
                }
            }
        }
        return schema.has("const") && schema.get("const").isNull();
    }

    private static boolean contains(JsonNode types) {
        for (JsonNode each : types) {
            if ("null".equals(each.asText())) {
                return true;
            }
        }
        return false;
    }
}

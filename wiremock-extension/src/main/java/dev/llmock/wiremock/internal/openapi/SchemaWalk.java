package dev.llmock.wiremock.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Finds the schema of a property or of array items in a complete JSON Schema, through {@code $ref}s and combinations. */
final class SchemaWalk {
    private static final int MAX_HOPS = 32;

    private SchemaWalk() {
    }

    /** The schema itself, or what its {@code $ref} points at in {@code document}. */
    static JsonNode resolve(JsonNode schema, JsonNode document) {
        JsonNode current = schema;
        for (int hops = 0; hops < MAX_HOPS && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return MissingNode.getInstance();
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** The schema of property {@code name}: in {@code properties}, else in an {@code allOf}/{@code anyOf}/{@code oneOf} member. */
    static JsonNode property(JsonNode schema, String name, JsonNode document) {
        return find(schema, document, "properties", name, 0);
    }

    /** The schema of the items of an array. */
    static JsonNode items(JsonNode schema, JsonNode document) {
        JsonNode resolved = resolve(schema, document);
        if (resolved.has("items")) {
            return resolve(resolved.get("items"), document);
        }
        for (String combination : new String[] {"allOf", "anyOf", "oneOf"}) {
            for (JsonNode member : resolved.path(combination)) {
                JsonNode items = items(member, document);
                if (!items.isMissingNode()) {
                    return items;
                }
            }
        }
        return MissingNode.getInstance();
    }

    private static JsonNode find(JsonNode schema, JsonNode document, String keyword, String name, int depth) {
        JsonNode resolved = resolve(schema, document);
        JsonNode direct = resolved.path(keyword).path(name);
        if (!direct.isMissingNode() || depth > MAX_HOPS) {
            return resolve(direct, document);
        }
        for (String combination : new String[] {"allOf", "anyOf", "oneOf"}) {
            for (JsonNode member : resolved.path(combination)) {
                JsonNode found = find(member, document, keyword, name, depth + 1);
                if (!found.isMissingNode()) {
                    return found;
                }
            }
        }
        return MissingNode.getInstance();
    }
}

package dev.llmock.internal.backend.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A schema fitted to what llama.cpp's JSON-Schema-to-grammar converter takes, which Ollama uses for {@code format}
 * (llama.cpp {@code grammars/README.md}, "JSON Schemas → GBNF"): "{@code pattern}s must start with {@code ^} and end
 * with {@code $}", else the conversion fails, so an unanchored pattern is taken out and written into the
 * {@code description}; llmock's own validation still enforces it, and the prompt carries the whole schema. Other
 * keywords the converter does not support "are skipped silently", so they stay.
 */
final class LlamaCppSchema {
    private LlamaCppSchema() {
    }

    /** A copy of {@code schema} without unanchored patterns. */
    static ObjectNode of(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        fit(copy);
        return copy;
    }

    private static void fit(JsonNode node) {
        if (node.isArray()) {
            node.forEach(LlamaCppSchema::fit);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        JsonNode pattern = object.get("pattern");
        if (pattern != null && pattern.isTextual() && !anchored(pattern.asText())) {
            object.remove("pattern");
            String described = object.path("description").asText("");
            object.put("description", (described.isEmpty() ? "" : described + " ") + "(matches the regular"
                    + " expression " + pattern.asText() + ")");
        }
        // the values of "properties" and "$defs" are schemas keyed by name; every other object or array child is a
        // schema or a list of them
        object.fields().forEachRemaining(field -> {
            if ("enum".equals(field.getKey()) || "const".equals(field.getKey()) || "examples".equals(field.getKey())) {
                return;
            }
            if ("properties".equals(field.getKey()) || "$defs".equals(field.getKey())
                    || "definitions".equals(field.getKey())) {
                field.getValue().forEach(LlamaCppSchema::fit);
            } else {
                fit(field.getValue());
            }
        });
    }

    private static boolean anchored(String pattern) {
        return pattern.startsWith("^") && pattern.endsWith("$") && !pattern.endsWith("\\$");
    }
}

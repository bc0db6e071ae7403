package dev.llmock.wiremock.internal.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A value the request fixes in the answer: an argument echoed onto the same-named field it selects
 * ({@code user(id: "42") { id }} answers {@code "id": "42"}), or a {@code __typename}.
 *
 * @param path  the response keys from {@code data} to the object (through lists: every element)
 * @param key   the field's response key in that object
 * @param value the value
 */
record Echo(List<String> path, String key, JsonNode value) {
    /** Sets the value in {@code data}, wherever the path leads. */
    void apply(JsonNode data) {
        apply(data, 0);
    }

    private void apply(JsonNode node, int depth) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> apply(item, depth));
        } else if (depth == path.size()) {
            if (node.isObject() && node.has(key)) {
                ((ObjectNode) node).set(key, value.deepCopy());
            }
        } else if (node.isObject()) {
            apply(node.get(path.get(depth)), depth + 1);
        }
    }
}

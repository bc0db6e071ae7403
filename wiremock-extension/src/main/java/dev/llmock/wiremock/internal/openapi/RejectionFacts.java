package dev.llmock.wiremock.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Shape;
import java.util.Set;

/**
 * Makes a generated error body (the description's 400 or 422 schema) tell the truth: a number field named like a
 * status ({@code status}, {@code code}) carries the status, a text field named like a message ({@code message},
 * {@code detail}, {@code error}) says what was wrong. Each value is kept only where the body still fits its shape.
 */
final class RejectionFacts {
    private static final Set<String> STATUS_FIELDS = Set.of("status", "code", "statusCode", "httpStatus");
    private static final Set<String> MESSAGE_FIELDS = Set.of("message", "detail", "error", "errorMessage",
            "description");

    private RejectionFacts() {
    }

    static JsonNode apply(JsonNode generated, Shape shape, int status, String detail) {
        if (!(generated instanceof ObjectNode)) {
            return generated;
        }
        ObjectNode body = (ObjectNode) generated.deepCopy();
        for (String name : STATUS_FIELDS) {
            if (body.path(name).isIntegralNumber()) {
                tryPut(body, name, body.numberNode(status), shape);
            }
        }
        for (String name : MESSAGE_FIELDS) {
            if (body.path(name).isTextual()) {
                tryPut(body, name, body.textNode(detail), shape);
            }
        }
        return body;
    }

    private static void tryPut(ObjectNode body, String field, JsonNode value, Shape shape) {
        JsonNode before = body.get(field);
        int violations = shape.validate(body).size();
        body.set(field, value);
        if (shape.validate(body).size() > violations) {
            body.set(field, before);
        }
    }
}

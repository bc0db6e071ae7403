package dev.llmock.wiremock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import dev.llmock.spi.FixtureInterceptor;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Makes generated data agree with the HTTP request it answers: path parameter values go onto same-named fields
 * ({@code id} for the last identifier), JSON body fields onto same-named fields, so {@code GET /users/42} answers
 * with {@code "id": 42} and a POST echoes what it was sent. A value is kept only where the record still fits its
 * shape (a path parameter {@code abc} does not go onto a numeric {@code id}).
 *
 * <p>It runs after the cassette interceptor and before the backends, so what is recorded is what was answered.
 */
public final class FactOverlay implements FixtureInterceptor {
    private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();

    @Override
    public Fixture intercept(Chain chain) {
        FixtureRequest request = chain.request();
        Fixture fixture = chain.proceed(request);
        JsonNode facts = request.context();
        if (facts == null || !facts.isObject() || request.count() != 1) {
            return fixture;
        }
        JsonNode data = fixture.json();
        if (!data.isObject()) {
            return fixture;
        }
        ObjectNode record = (ObjectNode) data;
        boolean changed = false;
        JsonNode body = facts.path(HttpFacts.BODY);
        if (body.isObject()) {
            changed |= overlay(record, (ObjectNode) body, request.shape());
        }
        JsonNode parameters = facts.path(HttpFacts.PATH_PARAMETERS);
        if (parameters.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> parameter = it.next();
                changed |= put(record, record, parameter.getKey(), parameter.getValue().asText(), request.shape());
            }
        }
        return changed ? new Fixture(record, fixture.provenance()) : fixture;
    }

    /**
     * The fixture with {@code values} (body fields left out of the cassette key, see {@link IgnoredParts}) laid onto
     * same-named fields, as the overlay does with the other body fields; a copy, since a replayed fixture is shared.
     * Runs outside the cassette, so the recorded entry keeps its generated values and every request, recorded or
     * replayed, echoes its own.
     */
    static Fixture echo(Fixture fixture, ObjectNode values, Shape shape, int count) {
        if (values.isEmpty() || count != 1 || !fixture.json().isObject()) {
            return fixture;
        }
        ObjectNode record = ((ObjectNode) fixture.json()).deepCopy();
        return overlay(record, values, shape) ? new Fixture(record, fixture.provenance()) : fixture;
    }

    /** Body fields onto same-named fields, recursing into objects present on both sides. */
    private static boolean overlay(ObjectNode root, ObjectNode target, ObjectNode facts, Shape shape) {
        boolean changed = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = facts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> fact = it.next();
            JsonNode current = target.get(fact.getKey());
            if (current == null) {
                continue;
            }
            if (current.isObject() && fact.getValue().isObject()) {
                changed |= overlay(root, (ObjectNode) current, (ObjectNode) fact.getValue(), shape);
            } else {
                changed |= tryPut(root, target, fact.getKey(), fact.getValue(), shape);
            }
        }
        return changed;
    }

    private static boolean overlay(ObjectNode record, ObjectNode body, Shape shape) {
        return overlay(record, record, body, shape);
    }

    /** A path parameter's text onto a field, typed like the generated value. */
    private static boolean put(ObjectNode root, ObjectNode target, String field, String text, Shape shape) {
        JsonNode current = target.get(field);
        if (current == null) {
            return false;
        }
        JsonNode value = typedLike(current, text);
        return value != null && tryPut(root, target, field, value, shape);
    }

    private static boolean tryPut(ObjectNode root, ObjectNode target, String field, JsonNode value, Shape shape) {
        JsonNode before = target.get(field);
        if (before.equals(value)) {
            return false;
        }
        int violationsBefore = shape.validate(root).size();
        target.set(field, value.deepCopy());
        if (shape.validate(root).size() > violationsBefore) {
            target.set(field, before);
            return false;
        }
        return true;
    }

    private static JsonNode typedLike(JsonNode current, String text) {
        if (current.isIntegralNumber()) {
            try {
                return NODES.numberNode(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (current.isNumber()) {
            try {
                return NODES.numberNode(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (current.isBoolean()) {
            return "true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)
                    ? NODES.booleanNode(Boolean.parseBoolean(text)) : null;
        }
        return current.isTextual() ? NODES.textNode(text) : null;
    }
}

package dev.llmock.wiremock.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Shape;
import dev.llmock.spi.FixtureInterceptor;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Makes generated data refer to what its API context already knows, in code, whatever the backend did with the
 * hints: in each generated record, a field {@code <noun>Id} takes the id of the most recent known entity of that noun,
 * {@code <noun><Field>} (e.g. {@code customerName}) its field, and an object field {@code <noun>} its same-named
 * fields. Fields the request itself fixes (path parameters, body fields) are left to it, and a value is kept only
 * where the record still fits its shape. It reads the hints from the request's context ({@code apiContext.known}), so
 * it runs inside the cassette and what is recorded is what was answered.
 */
public final class ContextOverlay implements FixtureInterceptor {
    /** The field of the request context that holds the API context's hints: {@value}. */
    public static final String FACT = "apiContext";
    /** How deep in the data records are looked for: {@value}. */
    static final int DEPTH = 3;

    @Override
    public Fixture intercept(Chain chain) {
        FixtureRequest request = chain.request();
        Fixture fixture = chain.proceed(request);
        JsonNode facts = request.context();
        JsonNode known = facts == null ? null : facts.path(FACT).path("known");
        if (known == null || !known.isObject() || known.size() == 0) {
            return fixture;
        }
        Set<String> fixed = new HashSet<>();
        facts.path("pathParameters").fieldNames().forEachRemaining(fixed::add);
        facts.path("body").fieldNames().forEachRemaining(fixed::add);
        JsonNode data = fixture.json().deepCopy();
        boolean changed = walk(data, data, (ObjectNode) known, fixed, request.shape(), 0);
        return changed ? new Fixture(data, fixture.provenance()) : fixture;
    }

    /** Overlays every record down to {@value #DEPTH} levels ({@code {"data":{"orders":[...]}}} has its at two). */
    private static boolean walk(JsonNode root, JsonNode node, ObjectNode known, Set<String> fixed, Shape shape,
                                int depth) {
        if (depth > DEPTH) {
            return false;
        }
        boolean changed = false;
        if (node.isArray()) {
            for (JsonNode item : node) {
                changed |= walk(root, item, known, fixed, shape, depth);
            }
        } else if (node.isObject()) {
            changed = overlay(root, (ObjectNode) node, known, depth == 0 ? fixed : Set.of(), shape);
            for (JsonNode value : node) {
                if (value.isContainerNode()) {
                    changed |= walk(root, value, known, fixed, shape, depth + 1);
                }
            }
        }
        return changed;
    }

    private static boolean overlay(JsonNode root, ObjectNode record, ObjectNode known, Set<String> fixed,
                                   Shape shape) {
        boolean changed = false;
        for (Iterator<Map.Entry<String, JsonNode>> nouns = known.fields(); nouns.hasNext(); ) {
            Map.Entry<String, JsonNode> noun = nouns.next();
            JsonNode latest = noun.getValue().path(0);
            if (!latest.isObject()) {
                continue;
            }
            for (String field : fieldNames(record)) {
                if (fixed.contains(field)) {
                    continue;
                }
                JsonNode value = referenceTo(noun.getKey(), field, record.get(field), (ObjectNode) latest);
                if (value != null) {
                    changed |= tryPut(root, record, field, value, shape);
                }
            }
        }
        return changed;
    }

    /** What {@code field} takes from the latest entity of {@code noun}, or null when it does not refer to it. */
    private static JsonNode referenceTo(String noun, String field, JsonNode current, ObjectNode latest) {
        if (field.equals(noun) && current.isObject()) {
            ObjectNode merged = current.deepCopy();
            latest.fields().forEachRemaining(f -> {
                if (merged.has(f.getKey())) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            return merged;
        }
        if (field.length() <= noun.length() || !field.startsWith(noun)
                || !Character.isUpperCase(field.charAt(noun.length()))) {
            return null;
        }
        String rest = Character.toLowerCase(field.charAt(noun.length())) + field.substring(noun.length() + 1);
        JsonNode value = latest.get(rest);
        return value != null && value.isValueNode() && !value.isNull() ? value : null;
    }

    private static boolean tryPut(JsonNode root, ObjectNode record, String field, JsonNode value, Shape shape) {
        JsonNode before = record.get(field);
        if (before.equals(value)) {
            return false;
        }
        int violationsBefore = shape.validate(root).size();
        record.set(field, value.deepCopy());
        if (shape.validate(root).size() > violationsBefore) {
            record.set(field, before);
            return false;
        }
        return true;
    }

    private static Iterable<String> fieldNames(ObjectNode record) {
        Set<String> names = new LinkedHashSet<>();
        record.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

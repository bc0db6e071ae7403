package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.GenerationException;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Code for precision: the values of distribution directives ({@link DirectiveSampler}), handed to the backends as
 * fixed, put back wherever a backend changed them, and finally checked: unchanged, and for
 * {@value #TESTED_FROM} records or more consistent with their target ({@link GoodnessOfFit}).
 */
final class FixedValues {
    static final int TESTED_FROM = 100;

    private final List<Directive> directives;
    private final int count;
    private final AtomicInteger restored;

    private FixedValues(List<Directive> directives, int count, AtomicInteger restored) {
        this.directives = directives;
        this.count = count;
        this.restored = restored;
    }

    /** The fixed values of {@code count} records of {@code root}, sampled from {@code seed}. */
    static FixedValues plan(ShapeNode root, int count, long seed) {
        return new FixedValues(DirectiveSampler.sample(root, count, seed), count, new AtomicInteger());
    }

    boolean isEmpty() {
        return directives.isEmpty();
    }

    /** The directives of one part: under {@code prefix} (its key) or, merged deep, those its shape has. */
    FixedValues part(List<String> prefix, ShapeNode partShape) {
        List<Directive> mine = new ArrayList<>();
        for (Directive directive : directives) {
            if (directive.path().size() > prefix.size() && directive.path().subList(0, prefix.size()).equals(prefix)) {
                List<String> rest = directive.path().subList(prefix.size(), directive.path().size());
                if (at(partShape, rest) != null) {
                    mine.add(new Directive(List.copyOf(rest), directive.shape(), directive.values()));
                }
            }
        }
        return new FixedValues(mine, count, restored);
    }

    /** The fixed values of record {@code slot} as a partial record, handed to the backend as earlier output. */
    JsonNode partial(int slot) {
        JsonNode partial = Json.MAPPER.createObjectNode();
        for (Directive directive : directives) {
            partial = set(partial, directive.path(), directive.values()[slot]);
        }
        return partial;
    }

    /** The partial records of all {@code count} records: one object for a count of 1, else an array. */
    JsonNode partials() {
        if (count == 1) {
            return partial(0);
        }
        ArrayNode partials = Json.MAPPER.createArrayNode();
        for (int i = 0; i < count; i++) {
            partials.add(partial(i));
        }
        return partials;
    }

    /** {@code record} with the fixed values of {@code slot} in place; counts each value a backend had changed. */
    JsonNode apply(JsonNode record, int slot) {
        if (directives.isEmpty() || record == null) {
            return record;
        }
        JsonNode result = record.deepCopy();
        for (Directive directive : directives) {
            JsonNode wanted = directive.values()[slot];
            JsonNode now = get(result, directive.path());
            if (!sameValue(now, wanted)) {
                if (now != null) {
                    restored.incrementAndGet();
                }
                result = set(result, directive.path(), wanted);
            }
        }
        return result;
    }

    /** {@link #apply} on every record of a whole output: one record for a count of 1, else an array. */
    JsonNode applyAll(JsonNode output) {
        if (directives.isEmpty() || output == null) {
            return output;
        }
        if (count == 1) {
            return apply(output, 0);
        }
        if (!output.isArray()) {
            return output;
        }
        ArrayNode result = Json.MAPPER.createArrayNode();
        for (int i = 0; i < output.size() && i < count; i++) {
            result.add(apply(output.get(i), i));
        }
        return result;
    }

    /**
     * Checks the final records: every fixed value unchanged and, from {@value #TESTED_FROM} records, the sample
     * consistent with its target; returns the facts for the provenance.
     *
     * @throws GenerationException when a value changed or a test rejects the sample
     */
    ObjectNode verify(JsonNode output) {
        ObjectNode details = Json.MAPPER.createObjectNode();
        ArrayNode tests = details.putArray("fields");
        List<Violation> violations = new ArrayList<>();
        for (Directive directive : directives) {
            for (int i = 0; i < count; i++) {
                JsonNode record = count == 1 ? output : output.get(i);
                JsonNode value = record == null ? null : get(record, directive.path());
                if (!sameValue(value, directive.values()[i])) {
                    String prefix = count == 1 ? "" : "/" + i;
                    violations.add(new Violation(prefix + directive.pointer(), "the value fixed by code ("
                            + directive.values()[i] + ") was changed to " + value));
                }
            }
            ObjectNode fact = tests.addObject();
            fact.put("pointer", directive.pointer());
            fact.put("directive", directive.text());
            if (count >= TESTED_FROM) {
                GoodnessOfFit.test(directive, fact).ifPresent(violations::add);
            }
        }
        details.put("restored", restored.get());
        if (!violations.isEmpty()) {
            throw new GenerationException(Messages.fixedValuesChanged(violations), violations, output);
        }
        return details;
    }

    private static ShapeNode at(ShapeNode shape, List<String> path) {
        ShapeNode current = shape;
        for (String step : path) {
            if (!(current instanceof ObjectShape object) || !object.properties().containsKey(step)) {
                return null;
            }
            current = object.properties().get(step);
        }
        return current;
    }

    private static JsonNode get(JsonNode record, List<String> path) {
        JsonNode current = record;
        for (String step : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(step);
        }
        return current;
    }

    private static JsonNode set(JsonNode record, List<String> path, JsonNode value) {
        if (path.isEmpty()) {
            return value.deepCopy();
        }
        ObjectNode root = record != null && record.isObject() ? (ObjectNode) record : Json.MAPPER.createObjectNode();
        ObjectNode current = root;
        for (String step : path.subList(0, path.size() - 1)) {
            JsonNode next = current.get(step);
            if (next == null || !next.isObject()) {
                next = current.putObject(step);
            }
            current = (ObjectNode) next;
        }
        current.set(path.get(path.size() - 1), value.deepCopy());
        return root;
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}

package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.FixtureRequest;
import dev.llmock.Rule;
import dev.llmock.Shape;
import dev.llmock.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks in code, run before any validator backend: the shape (JSON Schema keywords included), the request's
 * {@link Rule}s, and for a target type whether the record maps onto it (a number too large for an {@code int}) and
 * Bean Validation when available.
 */
final class RecordChecks {
    private final List<Rule> rules;
    private final BeanValidation beans;

    RecordChecks(List<Rule> rules, BeanValidation beans) {
        this.rules = List.copyOf(rules);
        this.beans = beans;
    }

    /** The checks of {@code request}; its target type is checked as {@code mapper} maps fixtures onto it. */
    static RecordChecks of(FixtureRequest request, ObjectMapper mapper) {
        return new RecordChecks(request.checks(), BeanValidation.of(request.targetType(), mapper));
    }

    /** Checks on parts, whose records are not yet whole: only the part's own shape applies. */
    static RecordChecks shapeOnly() {
        return new RecordChecks(List.of(), BeanValidation.NONE);
    }

    /**
     * Every violation of {@code output}: one record when {@code count} is 1, else an array of exactly {@code count}
     * (or, with {@code allowShort}, at most {@code count}; the caller asks again for the rest).
     */
    List<Violation> check(JsonNode output, Shape shape, int count, boolean allowShort) {
        if (output == null) {
            return List.of(new Violation("", "the backend returned no JSON"));
        }
        if (count == 1) {
            return record(output, shape, "");
        }
        boolean sizeOk = output.isArray() && (output.size() == count || allowShort && output.size() <= count);
        if (!sizeOk) {
            return List.of(new Violation("", "expected an array of exactly " + count + " records but got "
                    + (output.isArray() ? output.size() + " records"
                    : output.getNodeType().toString().toLowerCase(Locale.ROOT))));
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < output.size(); i++) {
            violations.addAll(record(output.get(i), shape, "/" + i));
        }
        return violations;
    }

    private List<Violation> record(JsonNode record, Shape shape, String prefix) {
        List<Violation> violations = new ArrayList<>();
        shape.validate(record).forEach(v -> violations.add(new Violation(prefix + v.pointer(), v.reason())));
        if (violations.isEmpty()) {
            // Mapping the record onto the type only makes sense once it fits the shape.
            beans.check(record).forEach(v -> violations.add(new Violation(prefix + v.pointer(), v.reason())));
        }
        rules.forEach(rule -> rule.check(record).forEach(
                v -> violations.add(new Violation(prefix + v.pointer(), v.reason()))));
        return violations;
    }
}

package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import dev.llmock.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A validator backend's judgement, as the built-in providers answer it through a verdict schema
 * ({@link dev.llmock.internal.backend.VerdictSchema}):
 * {@code {"valid": false, "problems": [{"pointer": "/email", "reason": "..."}], "corrected": {...}}}. Backends of
 * your own may name the problems {@code violations} and leave {@code corrected} out. A VALIDATE stage's backend may
 * instead answer the corrected data itself (the synthetic generator does).
 *
 * @param corrected the whole data corrected by the validator, or null
 */
record Verdict(boolean valid, List<Violation> violations, JsonNode corrected) {
    private static final Set<String> FIELDS = Set.of("valid", "problems", "violations", "corrected");

    /** The verdict in {@code answer}, or null when the answer is data in the request's shape. */
    static Verdict read(JsonNode answer, Shape shape, int count) {
        if (answer == null || !answer.isObject() || !answer.path("valid").isBoolean()) {
            return null;
        }
        for (Iterator<String> names = answer.fieldNames(); names.hasNext(); ) {
            if (!FIELDS.contains(names.next())) {
                return null;
            }
        }
        if (count == 1 && shape.validate(answer).isEmpty()) {
            return null; // the shape itself is {valid, violations}: this is data
        }
        boolean valid = answer.get("valid").asBoolean();
        if (valid) {
            return new Verdict(true, List.of(), null);
        }
        List<Violation> violations = new ArrayList<>();
        JsonNode problems = answer.has("problems") ? answer.get("problems") : answer.path("violations");
        for (JsonNode each : problems) {
            String pointer = each.path("pointer").asText("");
            String reason = each.path("reason").asText("").isBlank() ? "invalid according to the validator"
                    : each.path("reason").asText();
            violations.add(new Violation(pointer, reason));
        }
        if (violations.isEmpty()) {
            violations.add(new Violation("", "the validator judged the data invalid without saying why"));
        }
        JsonNode corrected = answer.get("corrected");
        return new Verdict(false, violations, corrected == null || corrected.isNull() ? null : corrected);
    }
}

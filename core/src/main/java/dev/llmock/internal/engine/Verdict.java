package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import dev.llmock.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A validator backend's judgement: {@code {"valid": false, "violations": [{"pointer": "/email", "reason": "..."}]}}.
 * A VALIDATE stage's backend may answer that, or the corrected data itself (the synthetic generator does).
 */
record Verdict(boolean valid, List<Violation> violations) {
    private static final Set<String> FIELDS = Set.of("valid", "violations");

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
        List<Violation> violations = new ArrayList<>();
        for (JsonNode each : answer.path("violations")) {
            String pointer = each.path("pointer").asText("");
            String reason = each.path("reason").asText("").isBlank() ? "invalid according to the validator"
                    : each.path("reason").asText();
            violations.add(new Violation(pointer, reason));
        }
        boolean valid = answer.get("valid").asBoolean();
        if (!valid && violations.isEmpty()) {
            violations.add(new Violation("", "the validator judged the data invalid without saying why"));
        }
        return new Verdict(valid, valid ? List.of() : violations);
    }
}

package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The score of one consensus answer, 0 to 100: 50 for validity (less per violation), 30 for completeness (values
 * present and not empty), 20 for realism (no placeholder values such as "string", "lorem", "example", "N/A").
 * The highest score wins; ties go to the backend named first.
 */
record ConsensusScore(String backend, double score, int violations, int values, int missing, int placeholders,
                      String error) {
    static final Set<String> PLACEHOLDERS = Set.of("string", "lorem", "lorem ipsum", "example", "n/a", "na",
            "none", "null", "undefined", "tbd", "todo", "placeholder", "xxx", "...", "value", "text", "sample");

    static ConsensusScore of(String backend, JsonNode answer, List<Violation> violations) {
        int[] counts = new int[3]; // values, missing, placeholders
        walk(answer, counts);
        int values = Math.max(1, counts[0]);
        double validity = 50.0 * Math.max(0.0, 1.0 - (double) violations.size() / values);
        double completeness = 30.0 * (values - Math.min(values, counts[1])) / values;
        double realism = 20.0 * (values - Math.min(values, counts[2])) / values;
        double score = BigDecimal.valueOf(validity + completeness + realism).setScale(2, RoundingMode.HALF_UP)
                .doubleValue();
        return new ConsensusScore(backend, score, violations.size(), counts[0], counts[1], counts[2], null);
    }

    static ConsensusScore failed(String backend, String error) {
        return new ConsensusScore(backend, 0.0, 0, 0, 0, 0, error);
    }

    boolean valid() {
        return error == null && violations == 0;
    }

    ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("backend", backend);
        json.put("score", score);
        if (error != null) {
            json.put("error", error);
            return json;
        }
        json.put("valid", violations == 0);
        json.put("violations", violations);
        json.put("values", values);
        json.put("missing", missing);
        json.put("placeholders", placeholders);
        return json;
    }

    static boolean isPlaceholder(String text) {
        String normalized = text.trim().toLowerCase(Locale.ROOT);
        return PLACEHOLDERS.contains(normalized) || normalized.startsWith("lorem ipsum")
                || normalized.matches("(string|example|placeholder|value)\\s*\\d*");
    }

    private static void walk(JsonNode node, int[] counts) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isObject() || node.isArray()) {
            if (node.isEmpty()) {
                counts[0]++;
                counts[1]++;
                return;
            }
            node.elements().forEachRemaining(child -> walk(child, counts));
            return;
        }
        counts[0]++;
        if (node.isNull() || node.isTextual() && node.asText().isBlank()) {
            counts[1]++;
        } else if (node.isTextual() && isPlaceholder(node.asText())) {
            counts[2]++;
        }
    }
}

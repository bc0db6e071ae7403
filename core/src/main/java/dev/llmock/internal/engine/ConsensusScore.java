package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * One consensus answer as the choice sees it: how well it agrees with the other answers ({@link Agreement}), its
 * violations, and its placeholder values ("string", "lorem ...", "N/A"). The winner is the valid answer (else any
 * answer) that agrees best with the others; ties go to fewer violations, then fewer placeholders, then the backend
 * named first.
 *
 * @param agreement the mean agreement with every other answer, or null when no other backend answered
 * @param error     why the backend gave no answer, else null
 */
record ConsensusScore(String backend, Double agreement, int violations, int placeholders, String error) {
    static final Set<String> PLACEHOLDERS = Set.of("string", "lorem", "lorem ipsum", "example", "n/a", "na",
            "none", "null", "undefined", "tbd", "todo", "placeholder", "xxx", "...", "value", "text", "sample");
    /** Agreements closer than this count as equal, so that rounding never decides. */
    private static final double TIE = 1e-9;

    /** Better first: valid, then agreeing more, then fewer violations, then fewer placeholders (stable: first named). */
    static final Comparator<ConsensusScore> BEST_FIRST = Comparator.comparing((ConsensusScore s) -> s.violations() > 0)
            .thenComparing((a, b) -> Math.abs(a.agreed() - b.agreed()) < TIE ? 0 : Double.compare(b.agreed(),
                    a.agreed()))
            .thenComparingInt(ConsensusScore::violations)
            .thenComparingInt(ConsensusScore::placeholders);

    static ConsensusScore of(String backend, JsonNode answer, int violations, Double agreement) {
        return new ConsensusScore(backend, agreement, violations, placeholders(answer), null);
    }

    static ConsensusScore failed(String backend, String error) {
        return new ConsensusScore(backend, null, 0, 0, error);
    }

    boolean answered() {
        return error == null;
    }

    private double agreed() {
        return agreement == null ? 1.0 : agreement;
    }

    ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("backend", backend);
        if (error != null) {
            json.put("error", error);
            return json;
        }
        if (agreement != null) {
            json.put("agreement", rounded(agreement));
        }
        json.put("valid", violations == 0);
        json.put("violations", violations);
        json.put("placeholders", placeholders);
        return json;
    }

    /** A share shown with three decimals. */
    static double rounded(double share) {
        return BigDecimal.valueOf(share).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    static boolean isPlaceholder(String text) {
        String normalized = text.trim().toLowerCase(Locale.ROOT);
        return PLACEHOLDERS.contains(normalized) || normalized.startsWith("lorem ipsum")
                || normalized.matches("(string|example|placeholder|value)\\s*\\d*");
    }

    private static int placeholders(JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (node.isContainerNode()) {
            int found = 0;
            for (JsonNode child : node) {
                found += placeholders(child);
            }
            return found;
        }
        return node.isTextual() && isPlaceholder(node.asText()) ? 1 : 0;
    }
}

package dev.llmock.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import dev.llmock.Stage;
import dev.llmock.Violation;
import java.util.List;

/**
 * One call to a backend, as the engine plans it.
 *
 * @param role       what this call is for
 * @param shape      the shape of one record
 * @param count      records wanted: 1 means one JSON value, more mean an array of exactly that many
 * @param firstIndex the index of the first record within the whole request (for per-record seeds)
 * @param prompt     the user's extra instructions, or null
 * @param rules      rules in words, empty when none
 * @param previous   the earlier stage's output for enrich/validate stages, or the output to repair, else null
 * @param repair     violations of {@code previous} to correct; empty on a first try
 * @param context    facts the data must agree with (e.g. an HTTP request), or null
 * @param seed       a seed derived from the logical request; the same request gives the same seed
 * @param maxTokens  an output budget override for this call (after truncation), or null
 * @since 0.1.0
 */
public record BackendRequest(Stage.Role role, Shape shape, int count, int firstIndex, String prompt,
                             List<String> rules, JsonNode previous, List<Violation> repair, JsonNode context,
                             long seed, Integer maxTokens) {

    public BackendRequest {
        rules = List.copyOf(rules);
        repair = List.copyOf(repair);
    }

    /** A copy that asks for the violations in {@code output} to be corrected. */
    public BackendRequest repairing(JsonNode output, List<Violation> violations) {
        return new BackendRequest(role, shape, count, firstIndex, prompt, rules, output, violations, context, seed,
                maxTokens);
    }
}

package dev.llmock.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import dev.llmock.Stage;
import dev.llmock.Violation;
import java.util.List;

/**
 * One call to a backend, as the engine plans it.
 *
 * <p>A stage of N records may take several calls: each asks for records {@code firstIndex} to
 * {@code firstIndex + count - 1} of {@code total}, with its own {@code seed}. Indexes at or above {@code total} mark
 * records asked for again because earlier answers repeated records or fell short.
 *
 * @param role       what this call is for
 * @param shape      the shape of one record
 * @param count      records wanted: 1 means one JSON value, more mean an array of exactly that many
 * @param firstIndex the index of the first record within the whole request (for per-record seeds)
 * @param prompt     the user's extra instructions, or null
 * @param rules      rules in words, empty when none
 * @param previous   the earlier stage's output for enrich/validate stages, the output to repair, or for a first
 *                   stage the values fixed by code (a partial record per record), else null
 * @param repair     violations of {@code previous} to correct; empty on a first try
 * @param context    facts the data must agree with (e.g. an HTTP request), or null
 * @param seed       this call's seed, derived from the logical request, the record indexes and the round; the same
 *                   request gives the same seeds
 * @param maxTokens  an output budget override for this call (after truncation), or null
 * @param total      the records the whole stage asks for
 * @param avoid      values other records of the request already have, by JSON Pointer of the field
 *                   ({@code {"/name": ["Ann", "Bo"]}}, {@code ""} for whole records), which this call should not
 *                   repeat; null when there are none
 * @since 0.1.0
 */
public record BackendRequest(Stage.Role role, Shape shape, int count, int firstIndex, String prompt,
                             List<String> rules, JsonNode previous, List<Violation> repair, JsonNode context,
                             long seed, Integer maxTokens, int total, JsonNode avoid) {

    /**
     * Copies the lists, so the request stays immutable.
     *
     * @param role what this call is for
     * @param shape the shape of one record
     * @param count records wanted: 1 means one JSON value, more mean an array of exactly that many
     * @param firstIndex the index of the first record within the whole request (for per-record seeds)
     * @param prompt the user's extra instructions, or null
     * @param rules rules in words, empty when none
     * @param previous the earlier stage's output for enrich/validate stages, the output to repair, or for a first
     *     stage the values fixed by code (a partial record per record), else null
     * @param repair violations of {@code previous} to correct; empty on a first try
     * @param context facts the data must agree with (e.g. an HTTP request), or null
     * @param seed this call's seed, derived from the logical request, the record indexes and the round; the same
     *     request gives the same seeds
     * @param maxTokens an output budget override for this call (after truncation), or null
     * @param total the records the whole stage asks for
     * @param avoid values other records of the request already have, by JSON Pointer of the field
     *     ({@code {"/name": ["Ann", "Bo"]}}, {@code ""} for whole records), which this call should not
     *     repeat; null when there are none
     */
    public BackendRequest {
        rules = List.copyOf(rules);
        repair = List.copyOf(repair);
    }

    /**
     * A call that is the whole stage: records {@code firstIndex} on, of {@code firstIndex + count}, nothing to avoid.
     *
     * @param role what this call is for
     * @param shape the shape of one record
     * @param count records wanted: 1 means one JSON value, more mean an array of exactly that many
     * @param firstIndex the index of the first record within the whole request (for per-record seeds)
     * @param prompt the user's extra instructions, or null
     * @param rules rules in words, empty when none
     * @param previous the earlier stage's output, the output to repair, or the values fixed by code; else null
     * @param repair violations of {@code previous} to correct; empty on a first try
     * @param context facts the data must agree with (e.g. an HTTP request), or null
     * @param seed this call's seed
     * @param maxTokens an output budget override for this call, or null
     */
    public BackendRequest(Stage.Role role, Shape shape, int count, int firstIndex, String prompt, List<String> rules,
                          JsonNode previous, List<Violation> repair, JsonNode context, long seed, Integer maxTokens) {
        this(role, shape, count, firstIndex, prompt, rules, previous, repair, context, seed, maxTokens,
                firstIndex + count, null);
    }

    /**
     * A copy that asks for the violations in {@code output} to be corrected.
     *
     * @param output the output to correct
     * @param violations what is wrong with it
     * @return a new request
     */
    public BackendRequest repairing(JsonNode output, List<Violation> violations) {
        return new BackendRequest(role, shape, count, firstIndex, prompt, rules, output, violations, context, seed,
                maxTokens, total, avoid);
    }

    /**
     * A copy with another output budget.
     *
     * @param budget the output token budget, or null for the backend's own
     * @return a new request
     * @since 0.2.0
     */
    public BackendRequest withMaxTokens(Integer budget) {
        return new BackendRequest(role, shape, count, firstIndex, prompt, rules, previous, repair, context, seed,
                budget, total, avoid);
    }

    /**
     * {@return whether this call asks again for records that repeated others or were missing}
     *
     * @since 0.2.0
     */
    public boolean asksAgain() {
        return firstIndex >= total;
    }
}

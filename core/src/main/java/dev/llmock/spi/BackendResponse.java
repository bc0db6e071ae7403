package dev.llmock.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What a backend answered, and what it cost.
 *
 * @param json     the parsed output, or null when the answer held no JSON (the engine asks again, saying so)
 * @param cost     what the answering call cost and which backend made it
 * @param failures calls that failed before this answer, oldest first: the members a pool tried before the one that
 *                 answered; each is booked as a failure of its own backend
 * @since 0.1.0
 */
public record BackendResponse(JsonNode json, CallCost cost, List<CallCost> failures) {

    /**
     * Copies the failures, so the response stays immutable.
     *
     * @param json the parsed output, or null when the answer held no JSON (the engine asks again, saying so)
     * @param cost what the answering call cost and which backend made it
     * @param failures calls that failed before this answer, oldest first: the members a pool tried before the one that
     *     answered; each is booked as a failure of its own backend
     */
    public BackendResponse {
        Objects.requireNonNull(cost, "cost");
        failures = List.copyOf(failures);
    }

    /**
     * An answer with no failed calls before it.
     *
     * @param json the parsed output, or null when the answer held no JSON
     * @param cost what the answering call cost and which backend made it
     * @since 0.2.0
     */
    public BackendResponse(JsonNode json, CallCost cost) {
        this(json, cost, List.of());
    }

    /**
     * An answer of {@code backend} in one attempt, tokens unknown.
     *
     * @param backend the backend that answered
     * @param json the parsed output, or null when the answer held no JSON
     * @return the response
     * @since 0.2.0
     */
    public static BackendResponse of(Backend backend, JsonNode json) {
        return new BackendResponse(json, CallCost.of(backend));
    }
}

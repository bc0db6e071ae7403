package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.spi.Backend;

/**
 * What one stage (or the merged parts) produced, by whom, and what it took, for the provenance.
 *
 * @param model the model that answered last, else the backend's configured one, or null
 */
record Outcome(JsonNode output, String backend, String provider, String model, Totals totals) {

    static Outcome of(Backend backend, JsonNode output, Totals totals) {
        return new Outcome(output, backend.name(), backend.provider(),
                totals.model() != null ? totals.model() : backend.model(), totals);
    }
}

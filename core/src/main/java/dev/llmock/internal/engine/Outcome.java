package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.spi.Backend;
import dev.llmock.spi.CallCost;

/**
 * What one stage (or the merged parts) produced, by whom, and what it took, for the provenance.
 *
 * @param model the model that answered last, else the backend's configured one, or null
 */
record Outcome(JsonNode output, String backend, String provider, String model, Totals totals) {

    /** By {@code backend}, or by the backend that answered for it (its fallback), as the producing call says. */
    static Outcome of(Backend backend, JsonNode output, Totals totals) {
        CallCost producer = totals.producer();
        String model = totals.model() != null ? totals.model() : backend.model();
        if (producer != null && !producer.backend().equals(backend.name())) {
            return new Outcome(output, producer.backend(), producer.provider(),
                    producer.model() != null ? producer.model() : model, totals);
        }
        return new Outcome(output, backend.name(), backend.provider(), model, totals);
    }
}

package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;

/**
 * What the patterns did, gathered for the provenance's {@code details} while one request runs: routing, batching,
 * parts, consensus, distributions. Written by the stage interceptors, in the order they learn it; thread-safe.
 */
final class Facts {
    private final ObjectNode details = Json.MAPPER.createObjectNode();

    synchronized void put(String key, JsonNode value) {
        details.set(key, value);
    }

    /** Where routing by complexity sent {@code site}. */
    synchronized void routed(Site site, JsonNode choice) {
        if (site.isFirst()) {
            details.set("routing", choice);
            return;
        }
        if (!details.has("routingByStage")) {
            details.putObject("routingByStage");
        }
        ((ObjectNode) details.get("routingByStage")).set(site.key(), choice);
    }

    synchronized ObjectNode snapshot() {
        return details.deepCopy();
    }
}

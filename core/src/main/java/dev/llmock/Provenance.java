package dev.llmock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Where a fixture came from: which backend and model made it, how many attempts, tokens and time it took,
 * and whether this copy was generated now, replayed from a cassette or served from the cache.
 *
 * @param source           how this copy was obtained
 * @param backend          the backend name that made the data (the last stage's, for multi-stage requests)
 * @param provider         that backend's provider ({@code synthetic}, {@code openai}, ...)
 * @param model            the model that answered, when known
 * @param attempts         calls made, repairs included
 * @param latency          time spent generating (the original time, for replayed fixtures)
 * @param promptTokens     prompt tokens used, or null when unknown
 * @param completionTokens completion tokens used, or null when unknown
 * @param recordedAt       when the data was generated
 * @param details          pattern-specific facts: stages, routing score, consensus scores, cassette entry
 * @since 0.1.0
 */
public record Provenance(Source source, String backend, String provider, String model, int attempts,
                         Duration latency, Long promptTokens, Long completionTokens, Instant recordedAt,
                         ObjectNode details) {

    /**
     * Copies {@code details}, so the provenance stays immutable; null details are an empty object.
     *
     * @param source how this copy was obtained
     * @param backend the backend name that made the data (the last stage's, for multi-stage requests)
     * @param provider that backend's provider ({@code synthetic}, {@code openai}, ...)
     * @param model the model that answered, when known
     * @param attempts calls made, repairs included
     * @param latency time spent generating (the original time, for replayed fixtures)
     * @param promptTokens prompt tokens used, or null when unknown
     * @param completionTokens completion tokens used, or null when unknown
     * @param recordedAt when the data was generated
     * @param details pattern-specific facts: stages, routing score, consensus scores, cassette entry
     */
    public Provenance {
        details = details == null ? Json.MAPPER.createObjectNode() : details.deepCopy();
    }

    /**
     * How a fixture was obtained.
     *
     * @since 0.1.0
     */
    public enum Source {
        /** Made by a backend in this run. */
        GENERATED,
        /** Read from a cassette. */
        REPLAYED,
        /** Served from the in-JVM cache of identical requests. */
        CACHED
    }

    /**
     * {@return this provenance with another source, as when a recorded fixture is replayed}
     *
     * @param newSource how the copy was obtained
     */
    public Provenance withSource(Source newSource) {
        return new Provenance(newSource, backend, provider, model, attempts, latency, promptTokens, completionTokens,
                recordedAt, details);
    }

    /**
     * {@return this provenance with one more pattern-specific fact in {@link #details()}}
     *
     * @param key the fact's name, such as {@code consensus}
     * @param value the fact
     */
    public Provenance withDetail(String key, JsonNode value) {
        ObjectNode copy = details.deepCopy();
        copy.set(key, value);
        return new Provenance(source, backend, provider, model, attempts, latency, promptTokens, completionTokens,
                recordedAt, copy);
    }

    /** {@return a copy of the pattern-specific facts: stages, routing score, consensus scores, cassette entry} */
    @Override
    public ObjectNode details() {
        return details.deepCopy();
    }

    /** {@return A one-line summary for reports: {@code backend=fast provider=ollama model=llama3.2 attempts=1 ...}} */
    public String summary() {
        StringBuilder text = new StringBuilder(source.name().toLowerCase(Locale.ROOT))
                .append(" backend=").append(backend).append(" provider=").append(provider);
        if (model != null) {
            text.append(" model=").append(model);
        }
        text.append(" attempts=").append(attempts).append(" latency=").append(latency.toMillis()).append("ms");
        if (promptTokens != null || completionTokens != null) {
            text.append(" tokens=").append(promptTokens == null ? "?" : promptTokens).append('/')
                    .append(completionTokens == null ? "?" : completionTokens);
        }
        return text.toString();
    }

    /** {@return the provenance as JSON, the form cassettes store} */
    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("backend", backend);
        json.put("provider", provider);
        if (model != null) {
            json.put("model", model);
        }
        json.put("attempts", attempts);
        json.put("latencyMs", latency.toMillis());
        if (promptTokens != null) {
            json.put("promptTokens", promptTokens);
        }
        if (completionTokens != null) {
            json.put("completionTokens", completionTokens);
        }
        json.put("recordedAt", recordedAt.toString());
        if (!details.isEmpty()) {
            json.set("details", details.deepCopy());
        }
        return json;
    }

    /**
     * Reads {@link #toJson()} back, with the given source.
     *
     * @param json the JSON a cassette stores
     * @param source how this copy was obtained
     * @return the provenance
     */
    public static Provenance fromJson(JsonNode json, Source source) {
        return new Provenance(source, json.path("backend").asText(null), json.path("provider").asText(null),
                json.hasNonNull("model") ? json.get("model").asText() : null, json.path("attempts").asInt(1),
                Duration.ofMillis(json.path("latencyMs").asLong(0)),
                json.hasNonNull("promptTokens") ? json.get("promptTokens").asLong() : null,
                json.hasNonNull("completionTokens") ? json.get("completionTokens").asLong() : null,
                json.hasNonNull("recordedAt") ? Instant.parse(json.get("recordedAt").asText()) : Instant.EPOCH,
                json.path("details").isObject() ? (ObjectNode) json.get("details") : null);
    }
}

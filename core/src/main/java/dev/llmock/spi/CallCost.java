package dev.llmock.spi;

import java.io.Serializable;
import java.util.Objects;

/**
 * What one backend call cost, and which backend made it. Backends put it on every answer
 * ({@link BackendResponse#cost()}) and every failure ({@link dev.llmock.BackendException#cost()}); the engine books
 * it in the statistics under {@link #backend()} and adds it to the fixture's provenance.
 *
 * @param backend          the name of the backend that made the call (for a pool: the member, or its fallback)
 * @param provider         that backend's provider
 * @param model            the model that answered (providers may name it more exactly than configured), or null
 * @param attempts         attempts made, retries included; 0 when no call went out (an open circuit breaker)
 * @param retries          attempts that failed and were tried again within this call
 * @param promptTokens     tokens in the prompt, or null when the provider does not say
 * @param completionTokens tokens in the answer, or null when the provider does not say
 * @param truncated        whether the output stopped at the output token limit; the engine then asks again with
 *                         fewer records or a larger budget rather than use half an answer
 * @since 0.2.0
 * @serial exclude
 */
// Excluded from the serialized-form page: javadoc 17 asks for comments on a Serializable record's private fields
// (JDK-8275199, fixed in 18), although its serial form is exactly its components, documented above.
public record CallCost(String backend, String provider, String model, int attempts, int retries, Long promptTokens,
                       Long completionTokens, boolean truncated) implements Serializable {

    /**
     * Checks the cost.
     *
     * @param backend the name of the backend that made the call (for a pool: the member, or its fallback)
     * @param provider that backend's provider
     * @param model the model that answered (providers may name it more exactly than configured), or null
     * @param attempts attempts made, retries included; 0 when no call went out (an open circuit breaker)
     * @param retries attempts that failed and were tried again within this call
     * @param promptTokens tokens in the prompt, or null when the provider does not say
     * @param completionTokens tokens in the answer, or null when the provider does not say
     * @param truncated whether the output stopped at the output token limit; the engine then asks again with
     *     fewer records or a larger budget rather than use half an answer
     * @throws IllegalArgumentException when attempts or retries are negative
     */
    public CallCost {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(provider, "provider");
        if (attempts < 0 || retries < 0) {
            throw new IllegalArgumentException("attempts and retries must be 0 or more, but were " + attempts + " and "
                    + retries + ".");
        }
    }

    /**
     * One attempt of {@code backend} with its configured model, no retry, tokens unknown.
     *
     * @param backend the backend that made the call
     * @return the cost
     */
    public static CallCost of(Backend backend) {
        return new CallCost(backend.name(), backend.provider(), backend.model(), 1, 0, null, null, false);
    }
}

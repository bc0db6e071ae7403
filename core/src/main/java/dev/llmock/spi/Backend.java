package dev.llmock.spi;

import dev.llmock.BackendException;

/**
 * A source of generated JSON: a provider's model, or the embedded synthetic generator.
 * Implementations are thread-safe; the engine validates what they return and asks again with the violations.
 *
 * <p>Everything the engine needs travels through this interface: what a backend can take ({@link #limits()}),
 * whether it takes calls now ({@link #acceptsCalls()}), and what a call cost, on the answer
 * ({@link BackendResponse#cost()}) or on the failure ({@link BackendException#cost()}).
 *
 * @since 0.1.0
 */
public interface Backend extends AutoCloseable {

    /** {@return the name requests use ({@code "fast"})} */
    String name();

    /** {@return the provider ({@code openai}, {@code ollama}, {@code anthropic}, {@code synthetic})} */
    String provider();

    /** {@return the model, or null when not known} */
    String model();

    /**
     * What one call can take; the engine sizes batches and concurrency from it. Nothing known by default.
     *
     * @return the limits, {@link BackendLimits#UNKNOWN} by default
     * @since 0.2.0
     */
    default BackendLimits limits() {
        return BackendLimits.UNKNOWN;
    }

    /**
     * Whether a call now would go out; false while a circuit breaker is open, so a pool skips this backend.
     *
     * @return true by default
     * @since 0.2.0
     */
    default boolean acceptsCalls() {
        return true;
    }

    /**
     * Produces JSON for the request: one value when {@code request.count()} is 1, else an array of that many.
     * An answer cut off at the output token limit is reported, not repaired here: as a response whose
     * {@link CallCost#truncated()} is true, or as a {@link BackendException} whose cost says so; the engine, which
     * batches, asks again in smaller parts or with a larger {@link BackendRequest#maxTokens()}.
     *
     * @throws BackendException when the provider fails
     * @param request what to produce
     * @return the answer with what it cost
     */
    BackendResponse call(BackendRequest request);

    /** Releases what the backend holds (HTTP clients, executors, a loaded model); nothing by default. */
    @Override
    default void close() {
    }
}

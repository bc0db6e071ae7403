package dev.llmock.spi;

/**
 * A source of generated JSON: a provider's model, or the embedded synthetic generator.
 * Implementations are thread-safe; the engine validates what they return and asks again with the violations.
 *
 * @since 0.1.0
 */
public interface Backend extends AutoCloseable {

    /** The name requests use ({@code "fast"}). */
    String name();

    /** The provider ({@code openai}, {@code ollama}, {@code anthropic}, {@code synthetic}). */
    String provider();

    /** The model, when known. */
    String model();

    /**
     * Produces JSON for the request: one value when {@code request.count()} is 1, else an array of that many.
     *
     * @throws dev.llmock.BackendException when the provider fails
     */
    BackendResponse call(BackendRequest request);

    @Override
    default void close() {
    }
}

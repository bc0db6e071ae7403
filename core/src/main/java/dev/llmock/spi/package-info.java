/**
 * The service provider interface: what a backend implements, and what wraps the engine's requests.
 *
 * <p>A provider adds a {@link dev.llmock.spi.BackendFactory}, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.llmock.spi.BackendFactory}, which creates a {@link dev.llmock.spi.Backend} for each
 * {@code llmock.json} entry naming its provider. The engine plans the calls ({@link dev.llmock.spi.BackendRequest}:
 * batches, seeds, repairs) and a backend answers each with a {@link dev.llmock.spi.BackendResponse} carrying its
 * {@link dev.llmock.spi.CallCost}; it says what it can take in {@link dev.llmock.spi.BackendLimits}. A ready backend
 * can also be registered directly with {@code Llmock.newBuilder().backend(...)}.
 *
 * <p>{@link dev.llmock.spi.FixtureInterceptor} is the engine's interceptor chain (OkHttp's is the model): the
 * cassettes module answers and records requests through one.
 *
 * @since 0.1.0
 */
package dev.llmock.spi;

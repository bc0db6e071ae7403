package dev.llmock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.internal.engine.Engine;
import dev.llmock.spi.Backend;
import dev.llmock.spi.FixtureInterceptor;
import java.time.Clock;

/**
 * The engine: turns a {@link FixtureRequest} into a {@link Fixture} through named backends.
 *
 * <pre>{@code
 * try (Llmock llmock = Llmock.fromDefaultConfig()) {
 *     User user = llmock.generate(FixtureRequest.newBuilder().shapeOf(User.class).build()).as(User.class);
 * }
 * }</pre>
 *
 * Requests flow through the interceptors (cassette first when the cassettes module adds one), an in-JVM cache of
 * identical requests, and the backends, and every result is validated against its shape and rules.
 * Instances are thread-safe.
 *
 * @since 0.1.0
 */
public interface Llmock extends AutoCloseable {

    /**
     * A new engine builder; with no configuration set, every backend name resolves to the synthetic generator.
     *
     * <pre>{@code
     * Llmock llmock = Llmock.newBuilder().config(LlmockConfig.load()).seed(42).build();
     * }</pre>
     *
     * @return a new builder
     * @since 0.2.0
     */
    static Builder newBuilder() {
        return Engine.newBuilder();
    }

    /**
     * An engine on {@link LlmockConfig#load()}: the configured backends, or the synthetic generator.
     *
     * @return a new engine; close it when done
     * @throws ConfigException if the configuration file found is invalid
     */
    static Llmock fromDefaultConfig() {
        return newBuilder().config(LlmockConfig.load()).build();
    }

    /**
     * Generates, or replays, the data a request asks for.
     *
     * @param request what to generate
     * @return the data, valid against the request's shape and rules
     * @throws GenerationException when no valid data came back within the request's attempts
     * @throws BackendException when a backend failed and no retry or fallback helped
     * @throws ShapeException when no data can satisfy the shape (or it asks for more than the shape limits allow)
     */
    Fixture generate(FixtureRequest request);

    /**
     * As {@link #generate(FixtureRequest)}, reporting progress of large counts to {@code progress}.
     *
     * @param request what to generate
     * @param progress told of records made so far
     * @return the data, valid against the request's shape and rules
     * @throws GenerationException when no valid data came back within the request's attempts
     * @throws BackendException when a backend failed and no retry or fallback helped
     */
    Fixture generate(FixtureRequest request, ProgressListener progress);

    /** {@return per-backend statistics so far} */
    LlmockStats stats();

    /** {@return the configuration this engine was built with} */
    LlmockConfig config();

    /** Closes the backends (HTTP clients, executors). */
    @Override
    void close();

    /**
     * Configures an engine; each option once, checked in {@link #build()}.
     *
     * @since 0.1.0
     */
    interface Builder {
        /**
         * Sets the configuration: backends and engine settings; {@link LlmockConfig#none()} by default.
         *
         * @param config the configuration
         * @return this builder
         */
        Builder config(LlmockConfig config);

        /**
         * The clock for time stamps, back-off and {@code @Past}/{@code @Future}; the system UTC clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        Builder clock(Clock clock);

        /**
         * The seed all generated values derive from; 0 by default.
         *
         * @param seed the seed
         * @return this builder
         */
        Builder seed(long seed);

        /**
         * Adds an interceptor; the first added runs first.
         *
         * @param interceptor the interceptor
         * @return this builder
         */
        Builder interceptor(FixtureInterceptor interceptor);

        /**
         * Registers a ready backend under its {@link Backend#name()}, ahead of the configuration.
         *
         * @param backend the backend
         * @return this builder
         */
        Builder backend(Backend backend);

        /**
         * Whether identical requests in this JVM are served from a cache; true by default.
         *
         * @param enabled false to call the backends for every request
         * @return this builder
         */
        Builder cache(boolean enabled);

        /**
         * The mapper {@link Fixture#as(Class)} uses for this engine's fixtures, e.g. your application's, with its
         * naming
         * strategy and modules; by default one with every Jackson module on the class path
         * ({@code findAndAddModules()}) plus java.time, {@code Optional} and parameter names.
         *
         * @param mapper the mapper
         * @return this builder
         * @since 0.2.0
         */
        Builder objectMapper(ObjectMapper mapper);

        /**
         * Builds the engine.
         *
         * @return the engine, thread-safe; close it when done
         * @throws IllegalStateException when the options do not fit together
         */
        Llmock build();
    }
}

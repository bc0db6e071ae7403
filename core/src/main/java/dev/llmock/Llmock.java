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

    static Builder newBuilder() {
        return Engine.newBuilder();
    }

    /** An engine on {@link LlmockConfig#load()}: the configured backends, or the synthetic generator. */
    static Llmock fromDefaultConfig() {
        return newBuilder().config(LlmockConfig.load()).build();
    }

    Fixture generate(FixtureRequest request);

    /** As {@link #generate(FixtureRequest)}, reporting progress of large counts to {@code progress}. */
    Fixture generate(FixtureRequest request, ProgressListener progress);

    /** Per-backend statistics so far. */
    LlmockStats stats();

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
        Builder config(LlmockConfig config);

        /** The clock for time stamps, back-off and {@code @Past}/{@code @Future}; the system UTC clock by default. */
        Builder clock(Clock clock);

        /** The seed all generated values derive from; 0 by default. */
        Builder seed(long seed);

        /** Adds an interceptor; the first added runs first. */
        Builder interceptor(FixtureInterceptor interceptor);

        /** Registers a ready backend under its {@link Backend#name()}, ahead of the configuration. */
        Builder backend(Backend backend);

        /** Whether identical requests in this JVM are served from a cache; true by default. */
        Builder cache(boolean enabled);

        /**
         * The mapper {@link Fixture#as(Class)} uses for this engine's fixtures, e.g. your application's, with its naming
         * strategy and modules; by default one with every Jackson module on the class path
         * ({@code findAndAddModules()}) plus java.time, {@code Optional} and parameter names.
         *
         * @since 0.1.0
         */
        Builder objectMapper(ObjectMapper mapper);

        Llmock build();
    }
}

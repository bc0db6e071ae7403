package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.LlmockStats;
import dev.llmock.ProgressListener;
import dev.llmock.internal.mapping.TypeMapping;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendContext;
import dev.llmock.spi.FixtureInterceptor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine behind {@link Llmock}: a request runs through a chain of interceptors, one concern each, assembled in
 * {@link #interceptors} (OkHttp's {@code getResponseWithInterceptorChain} is the model).
 */
public final class Engine implements Llmock {
    private final LlmockConfig config;
    private final StatsRecorder stats = new StatsRecorder();
    private final BackendRegistry registry;
    /** Runs parts, batches and consensus calls concurrently; owned by this engine and shut down by close(). */
    private final ExecutorService workers = Executors.newCachedThreadPool(new WorkerThreads());
    private final List<FixtureInterceptor> interceptors;
    /** Null for the default mapper of {@code Fixture.as}. */
    private final ObjectMapper mapper;

    private Engine(EngineBuilder builder) {
        this.mapper = builder.mapper;
        this.config = builder.config == null ? LlmockConfig.none() : builder.config;
        Clock clock = builder.clock == null ? Clock.systemUTC() : builder.clock;
        long seed = builder.seed == null ? 0L : builder.seed;
        this.registry = new BackendRegistry(config, new BackendContext(config, clock, seed), builder.backends, stats);
        EngineContext context = new EngineContext(config, registry, new BackendCalls(stats, registry::limits), workers,
                clock, seed, mapper == null ? TypeMapping.defaultMapper() : mapper);
        this.interceptors = interceptors(builder.interceptors, builder.cache == null || builder.cache, context);
    }

    /** A builder for an engine; {@link Llmock#newBuilder()} returns one. */
    public static Llmock.Builder newBuilder() {
        return new EngineBuilder();
    }

    /**
     * The whole way from request to fixture, in order. The request chain: {@code $cache} turns, the user's
     * interceptors (the cassette), the in-JVM cache, then the plan. The plan's stage chain: the check of values fixed
     * by code (after the rest), parallel parts, consensus, and the stage calls, whose batches each go through the
     * correction loop.
     */
    private static List<FixtureInterceptor> interceptors(List<FixtureInterceptor> user, boolean cache,
                                                         EngineContext context) {
        List<StageInterceptor> stages = List.of(
                new FixedValuesCheck(),
                new PartsInterceptor(context.workers()),
                new ConsensusInterceptor(context.workers()),
                new StageCalls(context.workers()));
        List<FixtureInterceptor> chain = new ArrayList<>();
        chain.add(new CacheVariants());
        chain.addAll(user);
        if (cache) {
            chain.add(new CacheInterceptor());
        }
        chain.add(new PlanInterceptor(context, stages));
        return List.copyOf(chain);
    }

    @Override
    public Fixture generate(FixtureRequest request) {
        return generate(request, ProgressListener.NONE);
    }

    @Override
    public Fixture generate(FixtureRequest request, ProgressListener progress) {
        Objects.requireNonNull(request, "request");
        Fixture fixture = RequestChain.run(interceptors, request,
                progress == null ? ProgressListener.NONE : progress);
        return mapper == null ? fixture : fixture.withMapper(mapper);
    }

    @Override
    public LlmockStats stats() {
        return stats.snapshot();
    }

    @Override
    public LlmockConfig config() {
        return config;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        registry.close();
    }

    /** Daemon threads, so an engine that is never closed does not keep the JVM alive. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger number = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "llmock-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** Builds an {@link Engine}; each option may be set once. */
    private static final class EngineBuilder implements Llmock.Builder {
        private LlmockConfig config;
        private Clock clock;
        private Long seed;
        private Boolean cache;
        private ObjectMapper mapper;
        private final List<FixtureInterceptor> interceptors = new ArrayList<>();
        private final Map<String, Backend> backends = new LinkedHashMap<>();

        @Override
        public Llmock.Builder config(LlmockConfig value) {
            requireUnset(config, "config");
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        @Override
        public Llmock.Builder clock(Clock value) {
            requireUnset(clock, "clock");
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        @Override
        public Llmock.Builder seed(long value) {
            requireUnset(seed, "seed");
            this.seed = value;
            return this;
        }

        @Override
        public Llmock.Builder interceptor(FixtureInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        @Override
        public Llmock.Builder backend(Backend backend) {
            Objects.requireNonNull(backend, "backend");
            if (backends.putIfAbsent(backend.name(), backend) != null) {
                throw new IllegalStateException("A backend named \"" + backend.name() + "\" was already registered.");
            }
            return this;
        }

        @Override
        public Llmock.Builder cache(boolean enabled) {
            requireUnset(cache, "cache");
            this.cache = enabled;
            return this;
        }

        @Override
        public Llmock.Builder objectMapper(ObjectMapper value) {
            requireUnset(mapper, "objectMapper");
            this.mapper = Objects.requireNonNull(value, "objectMapper");
            return this;
        }

        @Override
        public Llmock build() {
            return new Engine(this);
        }

        private static void requireUnset(Object current, String option) {
            if (current != null) {
                throw new IllegalStateException(option + " was already set on this builder; set each option once.");
            }
        }
    }
}

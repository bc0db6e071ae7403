package dev.llmock.internal.engine;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.LlmockStats;
import dev.llmock.ProgressListener;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendContext;
import dev.llmock.spi.FixtureInterceptor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The engine behind {@link Llmock}: interceptors, then the cache, then the stage runner. */
public final class Engine implements Llmock {
    private final LlmockConfig config;
    private final List<FixtureInterceptor> interceptors;
    private final BackendRegistry registry;
    private final StatsRecorder stats = new StatsRecorder();
    private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();
    /** Runs parts, batches and consensus calls concurrently; owned by this engine and shut down by close(). */
    private final ExecutorService workers = Executors.newCachedThreadPool(new WorkerThreads());

    private Engine(EngineBuilder builder) {
        this.config = builder.config == null ? LlmockConfig.none() : builder.config;
        Clock clock = builder.clock == null ? Clock.systemUTC() : builder.clock;
        long seed = builder.seed == null ? 0L : builder.seed;
        this.registry = new BackendRegistry(config, new BackendContext(config, clock, seed), builder.backends, stats);
        List<FixtureInterceptor> chain = new ArrayList<>(builder.interceptors);
        if (builder.cache == null || builder.cache) {
            chain.add(new CacheInterceptor());
        }
        chain.add(new StageRunner(registry, stats, config, clock, seed, workers));
        this.interceptors = List.copyOf(chain);
    }

    @Override
    public Fixture generate(FixtureRequest request) {
        return generate(request, ProgressListener.NONE);
    }

    @Override
    public Fixture generate(FixtureRequest request, ProgressListener progress) {
        Objects.requireNonNull(request, "request");
        return new RealChain(interceptors, 0, rotate(request), progress == null ? ProgressListener.NONE : progress)
                .proceed();
    }

    /**
     * LLMockApi's {@code "$cache": N}: N variants of a response, served in turn. The turn becomes part of the variant
     * before any interceptor sees the request, so each variant is recorded and replayed on its own.
     */
    private FixtureRequest rotate(FixtureRequest request) {
        int variants = request.shape().cacheVariants();
        if (variants <= 1) {
            return request;
        }
        int turn = turns.computeIfAbsent(request.key().hash(), k -> new AtomicInteger()).getAndIncrement() % variants;
        return request.toBuilder().variant(request.variant() * variants + turn).build();
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

    private record RealChain(List<FixtureInterceptor> interceptors, int index, FixtureRequest request,
                             ProgressListener progress) implements FixtureInterceptor.Chain {
        Fixture proceed() {
            return interceptors.get(index).intercept(this);
        }

        @Override
        public Fixture proceed(FixtureRequest next) {
            if (index + 1 >= interceptors.size()) {
                throw new IllegalStateException("The last interceptor must not call proceed()");
            }
            return new RealChain(interceptors, index + 1, Objects.requireNonNull(next, "request"), progress).proceed();
        }
    }

    /** Builds an {@link Engine}; each option may be set once. */
    public static final class EngineBuilder implements Llmock.Builder {
        private LlmockConfig config;
        private Clock clock;
        private Long seed;
        private Boolean cache;
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

package dev.llmock.internal.engine;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.spi.FixtureInterceptor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * LLMockApi's {@code "$cache": N}: N variants of a response, served in turn. The turn becomes part of the request's
 * variant before any other interceptor sees it, so each variant is recorded, cached and replayed on its own.
 */
final class CacheVariants implements FixtureInterceptor {
    private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();

    @Override
    public Fixture intercept(Chain chain) {
        FixtureRequest request = chain.request();
        int variants = request.shape().cacheVariants();
        if (variants <= 1) {
            return chain.proceed(request);
        }
        int turn = turns.computeIfAbsent(request.key().hash(), k -> new AtomicInteger()).getAndIncrement() % variants;
        return chain.proceed(request.toBuilder().variant(request.variant() * variants + turn).build());
    }
}

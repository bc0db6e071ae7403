package dev.llmock.internal.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.llmock.Fixture;
import dev.llmock.Provenance;
import dev.llmock.spi.FixtureInterceptor;

/** Answers a request identical to one already generated in this JVM, without calling a backend. */
final class CacheInterceptor implements FixtureInterceptor {
    private final Cache<String, Fixture> cache = Caffeine.newBuilder().maximumSize(10_000).build();

    @Override
    public Fixture intercept(Chain chain) {
        String key = chain.request().key().hash();
        Fixture cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached.withProvenance(cached.provenance().withSource(Provenance.Source.CACHED));
        }
        Fixture fixture = chain.proceed(chain.request());
        cache.put(key, fixture);
        return fixture;
    }
}

package dev.llmock.spi;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.ProgressListener;

/**
 * One concern on the way from request to fixture (OkHttp's interceptor chain is the model): answer from a cassette,
 * record what comes back, cache, log. Call {@link Chain#proceed} once to go on, or return a fixture without calling
 * it; a second call fails, as in OkHttp.
 *
 * <pre>{@code
 * FixtureInterceptor logging = chain -> {
 *     Fixture fixture = chain.proceed(chain.request());
 *     log.info(fixture.provenance().summary());
 *     return fixture;
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface FixtureInterceptor {

    Fixture intercept(Chain chain);

    /** The rest of the chain. */
    interface Chain {
        FixtureRequest request();

        /**
         * Passes the (possibly changed) request to the next interceptor, and finally to the backends.
         *
         * @throws IllegalStateException when this interceptor already proceeded
         */
        Fixture proceed(FixtureRequest request);

        /** Where the request reports progress. */
        ProgressListener progress();
    }
}

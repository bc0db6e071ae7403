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

    /**
     * Handles one request: answers it, or passes it on through {@link Chain#proceed} and returns what comes back.
     *
     * @param chain the request and the rest of the chain
     * @return the fixture for {@code chain.request()}
     */
    Fixture intercept(Chain chain);

    /**
     * The rest of the chain.
     *
     * @since 0.1.0
     */
    interface Chain {
        /** {@return the request as the previous interceptor passed it on} */
        FixtureRequest request();

        /**
         * Passes the (possibly changed) request to the next interceptor, and finally to the backends.
         *
         * @throws IllegalStateException when this interceptor already proceeded
         * @param request the request to pass on
         * @return the fixture the rest of the chain produced
         */
        Fixture proceed(FixtureRequest request);

        /** {@return where the request reports progress} */
        ProgressListener progress();
    }
}

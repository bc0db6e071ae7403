package dev.llmock.internal.engine;

/**
 * One concern on the way from a planned request to its output, the engine's own twin of
 * {@link dev.llmock.spi.FixtureInterceptor}: return a result, or {@linkplain Chain#proceed pass the plan on} once.
 */
interface StageInterceptor {

    Result intercept(Chain chain);

    /** The rest of the stage chain. */
    interface Chain {
        Plan plan();

        /** Passes the (possibly changed) plan to the next interceptor. */
        Result proceed(Plan plan);
    }
}

package dev.llmock.internal.engine;

import java.util.List;
import java.util.Objects;

/** One link of the stage chain: an interceptor's position and the plan it was given. */
final class StageChain implements StageInterceptor.Chain {
    private final ChainPosition<StageInterceptor> position;
    private final Plan plan;

    private StageChain(ChainPosition<StageInterceptor> position, Plan plan) {
        this.position = position;
        this.plan = plan;
    }

    /** Runs {@code plan} through {@code interceptors}, the first first. */
    static Result run(List<StageInterceptor> interceptors, Plan plan) {
        return new StageChain(ChainPosition.first(interceptors), plan).intercept();
    }

    private Result intercept() {
        return position.interceptor().intercept(this);
    }

    @Override
    public Plan plan() {
        return plan;
    }

    @Override
    public Result proceed(Plan next) {
        return new StageChain(position.next(), Objects.requireNonNull(next, "plan")).intercept();
    }
}

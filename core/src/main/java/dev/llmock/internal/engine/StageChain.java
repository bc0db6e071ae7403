package dev.llmock.internal.engine;

import java.util.List;
import java.util.Objects;

/** One link of the stage chain: the interceptor at {@code index} and the plan it was given. */
final class StageChain implements StageInterceptor.Chain {
    private final List<StageInterceptor> interceptors;
    private final int index;
    private final Plan plan;
    private final ProceedGuard guard;

    private StageChain(List<StageInterceptor> interceptors, int index, Plan plan) {
        this.interceptors = interceptors;
        this.index = index;
        this.plan = plan;
        this.guard = new ProceedGuard(interceptors.get(index), index == interceptors.size() - 1);
    }

    /** Runs {@code plan} through {@code interceptors}, the first first. */
    static Result run(List<StageInterceptor> interceptors, Plan plan) {
        return new StageChain(interceptors, 0, plan).intercept();
    }

    private Result intercept() {
        return interceptors.get(index).intercept(this);
    }

    @Override
    public Plan plan() {
        return plan;
    }

    @Override
    public Result proceed(Plan next) {
        Objects.requireNonNull(next, "plan");
        guard.check();
        return new StageChain(interceptors, index + 1, next).intercept();
    }
}

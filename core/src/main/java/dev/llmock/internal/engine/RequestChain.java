package dev.llmock.internal.engine;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.ProgressListener;
import dev.llmock.spi.FixtureInterceptor;
import java.util.List;
import java.util.Objects;

/** One link of the request chain: the interceptor at {@code index} and the request it was given. */
final class RequestChain implements FixtureInterceptor.Chain {
    private final List<FixtureInterceptor> interceptors;
    private final int index;
    private final FixtureRequest request;
    private final ProgressListener progress;
    private final ProceedGuard guard;

    private RequestChain(List<FixtureInterceptor> interceptors, int index, FixtureRequest request,
                         ProgressListener progress) {
        this.interceptors = interceptors;
        this.index = index;
        this.request = request;
        this.progress = progress;
        this.guard = new ProceedGuard(interceptors.get(index), index == interceptors.size() - 1);
    }

    /** Runs {@code request} through {@code interceptors}, the first first. */
    static Fixture run(List<FixtureInterceptor> interceptors, FixtureRequest request, ProgressListener progress) {
        return new RequestChain(interceptors, 0, request, progress).intercept();
    }

    private Fixture intercept() {
        return interceptors.get(index).intercept(this);
    }

    @Override
    public FixtureRequest request() {
        return request;
    }

    @Override
    public Fixture proceed(FixtureRequest next) {
        Objects.requireNonNull(next, "request");
        guard.check();
        return new RequestChain(interceptors, index + 1, next, progress).intercept();
    }

    @Override
    public ProgressListener progress() {
        return progress;
    }
}

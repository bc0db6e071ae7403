package dev.llmock.internal.engine;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.ProgressListener;
import dev.llmock.spi.FixtureInterceptor;
import java.util.List;
import java.util.Objects;

/** One link of the request chain: an interceptor's position and the request it was given. */
final class RequestChain implements FixtureInterceptor.Chain {
    private final ChainPosition<FixtureInterceptor> position;
    private final FixtureRequest request;
    private final ProgressListener progress;

    private RequestChain(ChainPosition<FixtureInterceptor> position, FixtureRequest request,
                         ProgressListener progress) {
        this.position = position;
        this.request = request;
        this.progress = progress;
    }

    /** Runs {@code request} through {@code interceptors}, the first first. */
    static Fixture run(List<FixtureInterceptor> interceptors, FixtureRequest request, ProgressListener progress) {
        return new RequestChain(ChainPosition.first(interceptors), request, progress).intercept();
    }

    private Fixture intercept() {
        return position.interceptor().intercept(this);
    }

    @Override
    public FixtureRequest request() {
        return request;
    }

    @Override
    public Fixture proceed(FixtureRequest next) {
        return new RequestChain(position.next(), Objects.requireNonNull(next, "request"), progress).intercept();
    }

    @Override
    public ProgressListener progress() {
        return progress;
    }
}

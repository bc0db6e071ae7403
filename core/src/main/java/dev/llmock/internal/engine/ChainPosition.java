package dev.llmock.internal.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a chain link stands among its interceptors, and the rule OkHttp's chain enforces: its interceptor passes the
 * request on at most once, and the last interceptor answers by itself.
 *
 * @param <I> the interceptor type
 */
final class ChainPosition<I> {
    private final List<I> interceptors;
    private final int index;
    private final AtomicBoolean proceeded = new AtomicBoolean();

    private ChainPosition(List<I> interceptors, int index) {
        this.interceptors = interceptors;
        this.index = index;
    }

    static <I> ChainPosition<I> first(List<I> interceptors) {
        return new ChainPosition<>(List.copyOf(interceptors), 0);
    }

    I interceptor() {
        return interceptors.get(index);
    }

    /** The position after this one; fails on a second call, or when this is the last interceptor. */
    ChainPosition<I> next() {
        if (index == interceptors.size() - 1) {
            throw new IllegalStateException(Messages.lastProceeded(interceptor()));
        }
        if (!proceeded.compareAndSet(false, true)) {
            throw new IllegalStateException(Messages.proceededTwice(interceptor()));
        }
        return new ChainPosition<>(interceptors, index + 1);
    }
}

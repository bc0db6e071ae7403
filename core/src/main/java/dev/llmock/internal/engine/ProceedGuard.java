package dev.llmock.internal.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The rule of a chain link, as OkHttp's chain enforces it: its interceptor passes the request on at most once, and
 * the last interceptor answers by itself.
 */
final class ProceedGuard {
    private final Object interceptor;
    private final boolean last;
    private final AtomicBoolean used = new AtomicBoolean();

    ProceedGuard(Object interceptor, boolean last) {
        this.interceptor = interceptor;
        this.last = last;
    }

    /** Called as the interceptor proceeds; fails on a second call, or on any call from the last interceptor. */
    void check() {
        if (last) {
            throw new IllegalStateException(Messages.lastProceeded(interceptor));
        }
        if (!used.compareAndSet(false, true)) {
            throw new IllegalStateException(Messages.proceededTwice(interceptor));
        }
    }
}

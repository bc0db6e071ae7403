package dev.llmock.internal.engine;

import dev.llmock.GenerationException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for work running on the engine's threads, and reports its failure as the caller's own. */
final class Await {

    private Await() {
    }

    /** The result of {@code future}; on failure or interruption {@code others} are cancelled. */
    static <T> T result(Future<T> future, List<? extends Future<?>> others) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            others.forEach(f -> f.cancel(true));
            throw new GenerationException("Interrupted while waiting for a concurrent call", e);
        } catch (ExecutionException e) {
            others.forEach(f -> f.cancel(true));
            throw unwrapped(e);
        }
    }

    /** What the work threw, as it threw it; a checked exception wrapped in a {@link GenerationException}. */
    static RuntimeException unwrapped(ExecutionException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new GenerationException("A concurrent call failed: " + cause, cause);
    }
}

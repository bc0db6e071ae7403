package dev.llmock.internal.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * Failed attempts that were tried again, noted by the backends on the calling thread and collected by the stats
 * recorder when the engine records that call's outcome.
 *
 * <p>The backend SPI returns attempts only on success, and a failed call ends in an exception; the engine records
 * each call's outcome on the thread that made it, so a thread-local note reaches it in both cases without widening
 * the SPI.
 */
public final class RetryLedger {
    private static final ThreadLocal<List<Entry>> PENDING = ThreadLocal.withInitial(ArrayList::new);

    private RetryLedger() {
    }

    /** One backend's retried attempts. */
    public record Entry(String backend, String provider, int retries) {
    }

    /** Notes {@code retries} failed attempts of {@code backend} that were followed by another attempt. */
    public static void note(String backend, String provider, int retries) {
        if (retries > 0) {
            PENDING.get().add(new Entry(backend, provider, retries));
        }
    }

    /** Everything noted on this thread since the last call, clearing it. */
    public static List<Entry> drain() {
        List<Entry> pending = PENDING.get();
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Entry> drained = List.copyOf(pending);
        pending.clear();
        return drained;
    }
}

package dev.llmock.internal.backend.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker on the engine's clock: opens after {@code threshold} consecutive failures, lets calls through
 * again (half-open) once {@code openFor} has passed, closes on the first success and opens again on a failure.
 * Failsafe's own breaker reads {@link System#nanoTime()}, which a test cannot move; this one reads the injected clock.
 */
final class Circuit {
    private final boolean enabled;
    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openedAt;
    private int lastStatus;

    Circuit(boolean enabled, int threshold, Duration openFor, Clock clock) {
        this.enabled = enabled;
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go out now. */
    synchronized boolean allows() {
        return !enabled || openedAt == null || !clock.instant().isBefore(openedAt.plus(openFor));
    }

    synchronized void success() {
        consecutiveFailures = 0;
        openedAt = null;
    }

    synchronized void failure(int status) {
        lastStatus = status;
        consecutiveFailures++;
        if (enabled && (openedAt != null || consecutiveFailures >= threshold)) {
            // a failure while half-open opens the circuit again for a whole period
            openedAt = clock.instant();
        }
    }

    synchronized Instant halfOpensAt() {
        return openedAt == null ? clock.instant() : openedAt.plus(openFor);
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized int lastStatus() {
        return lastStatus;
    }
}

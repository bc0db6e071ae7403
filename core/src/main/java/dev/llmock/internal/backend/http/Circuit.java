package dev.llmock.internal.backend.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker on the engine's clock: opens after {@code threshold} consecutive failures; once {@code openFor} has
 * passed it is half-open and lets exactly one trial call through, refusing the others as if open; the trial's success
 * closes it, its failure opens it for another whole period.
 *
 * <p>Hand-written rather than Failsafe's {@code CircuitBreaker}: Failsafe times the open state with
 * {@link System#nanoTime()}, which a test cannot move, where this one reads the injected clock.
 */
final class Circuit {
    private final boolean enabled;
    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean trialInFlight;
    private int lastStatus;

    Circuit(boolean enabled, int threshold, Duration openFor, Clock clock) {
        this.enabled = enabled;
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call would be let through now; takes no permit (a pool asks this to skip open members). */
    synchronized boolean allows() {
        return !enabled || openedAt == null || (!trialInFlight && periodOver());
    }

    /**
     * A permit for one call: always while closed; while half-open, the single trial for the first caller and none for
     * the others until that trial has ended. Every permit must end in {@link #success()}, {@link #failure(int)} or
     * {@link #release()}.
     */
    synchronized boolean tryAcquire() {
        if (!allows()) {
            return false;
        }
        if (enabled && openedAt != null) {
            trialInFlight = true;
        }
        return true;
    }

    synchronized void success() {
        consecutiveFailures = 0;
        openedAt = null;
        trialInFlight = false;
    }

    synchronized void failure(int status) {
        lastStatus = status;
        consecutiveFailures++;
        if (enabled && (openedAt != null || consecutiveFailures >= threshold)) {
            // a failed trial opens the circuit again for a whole period
            openedAt = clock.instant();
        }
        trialInFlight = false;
    }

    /** A permit that ended without saying anything of the provider's health: the next caller may make the trial. */
    synchronized void release() {
        trialInFlight = false;
    }

    /** When the circuit lets a trial through; while a trial is in flight, when its period ended. */
    synchronized Instant halfOpensAt() {
        return openedAt == null ? clock.instant() : openedAt.plus(openFor);
    }

    /** Whether a trial call is out now, so that the others are refused although the open period is over. */
    synchronized boolean trialInFlight() {
        return trialInFlight;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized int lastStatus() {
        return lastStatus;
    }

    private boolean periodOver() {
        return !clock.instant().isBefore(openedAt.plus(openFor));
    }
}

package dev.llmock.internal.backend.http;

import dev.failsafe.Bulkhead;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import dev.llmock.BackendConfig;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Random;

/**
 * What keeps a flaky provider usable: retries with exponential back-off and jitter, or the wait the provider asked
 * for in {@code retry-after} (Failsafe); {@code maxConcurrentRequests} as a bulkhead; and a circuit breaker that
 * stops calling a provider that keeps failing.
 */
final class Resilience {
    private static final System.Logger LOG = System.getLogger("dev.llmock.backend");

    private final BackendConfig config;
    private final HttpSettings settings;
    private final Redaction redaction;
    private final Circuit circuit;
    private final Random jitter;
    private final FailsafeExecutor<Object> executor;

    Resilience(BackendConfig config, HttpSettings settings, Redaction redaction) {
        this.config = config;
        this.settings = settings;
        this.redaction = redaction;
        this.circuit = new Circuit(settings.circuitBreaker().enabled(), settings.circuitBreaker().failureThreshold(),
                Duration.ofSeconds(settings.circuitBreaker().openSeconds()), settings.clock());
        this.jitter = new Random(config.name().hashCode() * 31L + settings.retry().maxAttempts());
        RetryPolicy<Object> retry = RetryPolicy.builder()
                .handleIf(failure -> failure instanceof ProviderException p && p.retryable())
                .withMaxAttempts(settings.retry().maxAttempts())
                .withDelayFn(context -> delay(context.getLastException(), context.getAttemptCount()))
                .onRetryScheduled(event -> LOG.log(Level.INFO, () -> redaction.apply("llmock: "
                        + Messages.who(config) + ": attempt " + event.getAttemptCount() + " of "
                        + settings.retry().maxAttempts() + " failed (" + summary(event.getLastException())
                        + "); retrying in " + event.getDelay().toMillis() + " ms")))
                .build();
        FailsafeExecutor<Object> base = Failsafe.with(retry);
        Integer limit = config.maxConcurrentRequests();
        this.executor = limit == null ? base
                : base.compose(Bulkhead.builder(limit).withMaxWaitTime(settings.timeout()).build());
    }

    /** False while the circuit is open or its one half-open trial is out; true when a call may go through. */
    boolean acceptsCalls() {
        return circuit.allows();
    }

    /**
     * Runs {@code attempt} until it passes or may not be tried again; each attempt is counted in {@code tally}, and
     * the failure that ends the run says how many were made.
     *
     * @param url where the attempts go, as messages show it
     */
    <T> T run(String url, CheckedSupplier<T> attempt, Tally tally) {
        int before = tally.attempts();
        try {
            return executor.get(() -> once(url, attempt, tally));
        } catch (ProviderException e) {
            throw e.afterAttempts(tally.attempts() - before);
        } catch (BulkheadFullException e) {
            throw ProviderException.at(config, url)
                    .outcome(Messages.busyOutcome(config.maxConcurrentRequests(), settings.timeout()))
                    .hint(Messages.timeoutHint(config)).cause(e).build();
        } finally {
            tally.retried(Math.max(0, tally.attempts() - before - 1));
        }
    }

    private <T> T once(String url, CheckedSupplier<T> attempt, Tally tally) throws Throwable {
        if (!circuit.tryAcquire()) {
            String outcome = circuit.trialInFlight()
                    ? Messages.circuitTrying(circuit.consecutiveFailures(), circuit.lastStatus())
                    : Messages.circuitOpen(circuit.consecutiveFailures(), circuit.lastStatus(), circuit.halfOpensAt(),
                            settings.circuitBreaker().openSeconds());
            throw ProviderException.at(config, url).outcome(outcome).hint(Messages.circuitHint()).build();
        }
        tally.attempted();
        boolean settled = false;
        try {
            T result = attempt.get();
            circuit.success();
            settled = true;
            return result;
        } catch (ProviderException e) {
            if (e.retryable()) {
                circuit.failure(e.status());
                settled = true;
            } else if (e.status() >= 200 && e.status() < 300) {
                circuit.success(); // the provider answered; what it answered is not its health
                settled = true;
            }
            throw e;
        } finally {
            if (!settled) {
                circuit.release();
            }
        }
    }

    /** The wait before the next attempt: what the provider asked for (capped), else exponential back-off with jitter. */
    private Duration delay(Throwable last, int attemptsSoFar) {
        Duration cap = Duration.ofMillis(Math.max(0, settings.retry().maxDelayMs()));
        if (last instanceof ProviderException failure && failure.retryAfter() != null) {
            return failure.retryAfter().compareTo(cap) > 0 ? cap : failure.retryAfter();
        }
        double random;
        synchronized (jitter) {
            random = jitter.nextDouble();
        }
        return backoff(settings.retry().baseDelayMs(), settings.retry().maxDelayMs(), attemptsSoFar, random);
    }

    /** {@code base * 2^(n-1)}, spread by ±25 % so that clients that failed together do not retry together, capped. */
    static Duration backoff(long baseMs, long maxMs, int failedAttempts, double random) {
        double exponential = baseMs * Math.pow(2, Math.max(0, Math.min(failedAttempts - 1, 30)));
        double spread = exponential * (0.75 + 0.5 * random);
        return Duration.ofMillis((long) Math.min(Math.max(0, maxMs), spread));
    }

    private static String summary(Throwable failure) {
        if (failure instanceof ProviderException e) {
            return e.status() > 0 ? "HTTP " + e.status() + (e.detail() == null ? "" : ": " + e.detail())
                    : e.detail() != null ? e.detail() : "no response";
        }
        return String.valueOf(failure);
    }
}

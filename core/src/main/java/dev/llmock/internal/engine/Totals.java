package dev.llmock.internal.engine;

import dev.llmock.spi.CallCost;
import java.time.Duration;

/**
 * Calls, latency and tokens summed over one stage or request, plus the facts of the correction loop and the call that
 * produced the data last (which names the backend that answered: a fallback, when the one asked for failed).
 */
final class Totals {
    private int attempts;
    private Duration latency = Duration.ZERO;
    private Long promptTokens;
    private Long completionTokens;
    private String model;
    private CallCost producer;
    private int calls;
    private int corrections;
    private int validatorCalls;
    private int verdicts;
    private int finalTries;

    synchronized void record(CallCost cost, Duration took) {
        attempts += Math.max(1, cost.attempts());
        calls++;
        latency = latency.plus(took);
        promptTokens = sum(promptTokens, cost.promptTokens());
        completionTokens = sum(completionTokens, cost.completionTokens());
        if (cost.model() != null) {
            model = cost.model();
        }
    }

    synchronized void add(Totals other) {
        Totals copy = other.copy();
        attempts += copy.attempts;
        calls += copy.calls;
        latency = latency.plus(copy.latency);
        promptTokens = sum(promptTokens, copy.promptTokens);
        completionTokens = sum(completionTokens, copy.completionTokens);
        corrections += copy.corrections;
        validatorCalls += copy.validatorCalls;
        verdicts += copy.verdicts;
        finalTries += copy.finalTries;
        if (copy.model != null) {
            model = copy.model;
        }
        if (copy.producer != null) {
            producer = copy.producer;
        }
    }

    /** The call whose answer became the data (not a validator's verdict). */
    synchronized void produced(CallCost cost) {
        producer = cost;
    }

    /** The last call that produced data, or null when none did (the data came from elsewhere). */
    synchronized CallCost producer() {
        return producer;
    }

    synchronized void correction() {
        corrections++;
    }

    synchronized void validatorCall() {
        validatorCalls++;
    }

    /** A validator call answered with a verdict (rather than with data). */
    synchronized void verdict() {
        verdicts++;
    }

    synchronized void finalTry() {
        finalTries++;
    }

    synchronized Totals copy() {
        Totals copy = new Totals();
        copy.attempts = attempts;
        copy.calls = calls;
        copy.latency = latency;
        copy.promptTokens = promptTokens;
        copy.completionTokens = completionTokens;
        copy.model = model;
        copy.producer = producer;
        copy.corrections = corrections;
        copy.validatorCalls = validatorCalls;
        copy.verdicts = verdicts;
        copy.finalTries = finalTries;
        return copy;
    }

    synchronized int attempts() {
        return attempts;
    }

    synchronized int calls() {
        return calls;
    }

    synchronized Duration latency() {
        return latency;
    }

    synchronized Long promptTokens() {
        return promptTokens;
    }

    synchronized Long completionTokens() {
        return completionTokens;
    }

    synchronized String model() {
        return model;
    }

    synchronized int corrections() {
        return corrections;
    }

    synchronized int validatorCalls() {
        return validatorCalls;
    }

    synchronized int verdicts() {
        return verdicts;
    }

    synchronized int finalTries() {
        return finalTries;
    }

    private static Long sum(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + b;
    }
}

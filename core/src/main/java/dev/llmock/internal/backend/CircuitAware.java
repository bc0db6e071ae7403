package dev.llmock.internal.backend;

/** A backend that can say, without calling out, that it would refuse a call now (its circuit breaker is open). */
public interface CircuitAware {

    /** False while the circuit is open; true when closed or half-open (a trial call may go through). */
    boolean acceptsCalls();
}

package dev.llmock.internal.backend.http;

import dev.llmock.BackendException;
import java.time.Duration;

/** A failed provider call, with how long the provider asked to wait (for the retry policy) and the parts of its message. */
final class ProviderException extends BackendException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;
    private final String who;
    private final String outcome;
    private final String detail;
    private final String hint;

    /**
     * @param who     the backend as messages name it ({@code Backend "fast" (ollama, model llama3.2)})
     * @param outcome what happened to the request ("returned HTTP 429", "got no response within 1 s")
     * @param detail  the provider's own message, or the I/O error, or null
     * @param hint    how to fix it, or null
     */
    ProviderException(String backend, String who, String url, int status, String outcome, String detail, String hint,
                      boolean retryable, Duration retryAfter, Throwable cause) {
        this(backend, who, url, status, outcome, detail, hint, retryable, retryAfter, cause, 1);
    }

    private ProviderException(String backend, String who, String url, int status, String outcome, String detail,
                              String hint, boolean retryable, Duration retryAfter, Throwable cause, int attempts) {
        super(backend, url, status, Messages.failure(who, url, outcome, detail, hint, attempts), retryable, cause);
        this.retryAfter = retryAfter;
        this.who = who;
        this.outcome = outcome;
        this.detail = detail;
        this.hint = hint;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    String detail() {
        return detail;
    }

    /** The same failure, saying how many attempts were made. */
    ProviderException afterAttempts(int attempts) {
        if (attempts <= 1) {
            return this;
        }
        ProviderException copy = new ProviderException(backend(), who, url(), status(), outcome, detail, hint,
                retryable(), retryAfter, getCause(), attempts);
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}

package dev.llmock.internal.backend.http;

import dev.llmock.BackendConfig;
import dev.llmock.BackendException;
import dev.llmock.spi.CallCost;
import java.time.Duration;

/**
 * A failed provider call: the parts of its message, how long the provider asked to wait (for the retry policy), and
 * what the call cost. Built with {@link #at(BackendConfig, String)}: only the parts that apply are named.
 */
final class ProviderException extends BackendException {
    private static final long serialVersionUID = 1L;
    private final transient Parts parts;

    private ProviderException(Parts parts, CallCost cost) {
        super(cost, parts.url(), parts.status(), Messages.failure(parts.who(), parts.url(), parts.outcome(),
                parts.detail(), parts.hint(), parts.attempts()), parts.retryable(), parts.cause());
        this.parts = parts;
    }

    /**
     * The facts a failure's message is written from.
     *
     * @param who      the backend as messages name it ({@code Backend "fast" (ollama, model llama3.2)})
     * @param outcome  what happened to the request ("returned HTTP 429", "got no response within 1 s")
     * @param detail   the provider's own message, or the I/O error, or null
     * @param hint     how to fix it, or null
     * @param attempts attempts the message reports ("after 3 attempts" from 2 on)
     */
    private record Parts(String who, String url, int status, String outcome, String detail, String hint,
                         boolean retryable, Duration retryAfter, Throwable cause, int attempts) {
    }

    /** Starts a failure of {@code backend} calling {@code url} (as shown: no credentials). */
    static Builder at(BackendConfig backend, String url) {
        return new Builder(backend, url);
    }

    Duration retryAfter() {
        return parts.retryAfter();
    }

    String detail() {
        return parts.detail();
    }

    /** The same failure, its message saying how many attempts were made. */
    ProviderException afterAttempts(int attempts) {
        if (attempts <= 1) {
            return this;
        }
        return copy(new Parts(parts.who(), parts.url(), parts.status(), parts.outcome(), parts.detail(),
                parts.hint(), parts.retryable(), parts.retryAfter(), parts.cause(), attempts), cost());
    }

    /** The same failure with the cost of the whole call it ended. */
    ProviderException withCost(CallCost total) {
        return copy(parts, total);
    }

    private ProviderException copy(Parts changed, CallCost total) {
        ProviderException copy = new ProviderException(changed, total);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** Names the parts of a {@link ProviderException} that apply; the rest stay empty. */
    static final class Builder {
        private final BackendConfig backend;
        private final String url;
        private int status;
        private String outcome;
        private String detail;
        private String hint;
        private boolean retryable;
        private Duration retryAfter;
        private Throwable cause;

        private Builder(BackendConfig backend, String url) {
            this.backend = backend;
            this.url = url;
        }

        /** The HTTP status; 0 (the default) when no response came. */
        Builder status(int value) {
            this.status = value;
            return this;
        }

        Builder outcome(String value) {
            this.outcome = value;
            return this;
        }

        /** The provider's own message, or the I/O error. */
        Builder detail(String value) {
            this.detail = value;
            return this;
        }

        Builder hint(String value) {
            this.hint = value;
            return this;
        }

        /** Trying again may pass, after {@code wait} when the provider asked for one (else null). */
        Builder retryable(Duration wait) {
            this.retryable = true;
            this.retryAfter = wait;
            return this;
        }

        Builder cause(Throwable value) {
            this.cause = value;
            return this;
        }

        /** The failure of one attempt; the call that it ends adds its whole cost ({@link #withCost}). */
        ProviderException build() {
            return build(new CallCost(backend.name(), backend.provider(), backend.model(), 1, 0, null, null, false));
        }

        ProviderException build(CallCost cost) {
            return new ProviderException(new Parts(Messages.who(backend), url, status, outcome, detail, hint, retryable,
                    retryAfter, cause, 1), cost);
        }
    }
}

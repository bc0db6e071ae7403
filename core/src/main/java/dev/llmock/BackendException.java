package dev.llmock;

import dev.llmock.spi.CallCost;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A backend call failed. The message names the backend, the URL (never the key) and the HTTP status; {@link #cost()}
 * says what the call cost, so that failed calls are counted like answered ones.
 *
 * <p>A backend that tried several others before failing (a pool) throws the last failure with the earlier ones
 * {@linkplain #addSuppressed(Throwable) suppressed}; {@link #costs()} lists them all.
 *
 * @since 0.1.0
 */
public class BackendException extends LlmockException {
    private static final long serialVersionUID = 1L;
    /** What the failed call cost, and which backend made it. */
    private final CallCost cost;
    /** Where the call went, without credentials, or null. */
    private final String url;
    /** The HTTP status, or 0 when no response came. */
    private final int status;
    /** Whether trying again may succeed. */
    private final boolean retryable;

    /**
     * A failed backend call.
     *
     * @param cost what the failed call cost, and which backend made it
     * @param url where the call went, without credentials, or null
     * @param status the HTTP status, or 0 when no response came (I/O error, timeout, open circuit)
     * @param message names the backend, the URL (never the key) and the status
     * @param retryable whether trying again may succeed
     * @param cause the cause, or null
     * @since 0.2.0
     */
    public BackendException(CallCost cost, String url, int status, String message, boolean retryable,
                            Throwable cause) {
        super(message, cause);
        this.cost = Objects.requireNonNull(cost, "cost");
        this.url = url;
        this.status = status;
        this.retryable = retryable;
    }

    /** {@return the name of the backend that failed} */
    public String backend() {
        return cost.backend();
    }

    /** {@return where the call went, without credentials, or null} */
    public String url() {
        return url;
    }

    /** {@return the HTTP status, or 0 when no response came (I/O error, timeout, open circuit)} */
    public int status() {
        return status;
    }

    /** {@return whether trying again may succeed (I/O errors, 408, 409, 429, 5xx)} */
    public boolean retryable() {
        return retryable;
    }

    /**
     * {@return what the failed call cost}
     *
     * @since 0.2.0
     */
    public CallCost cost() {
        return cost;
    }

    /**
     * {@return the costs of every failed call this failure stands for: the suppressed earlier ones first, then its own}
     *
     * @since 0.2.0
     */
    public List<CallCost> costs() {
        List<CallCost> all = new ArrayList<>();
        for (Throwable earlier : getSuppressed()) {
            if (earlier instanceof BackendException failure) {
                all.addAll(failure.costs());
            }
        }
        all.add(cost);
        return all;
    }
}

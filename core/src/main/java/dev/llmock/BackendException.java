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
    private final CallCost cost;
    private final String url;
    private final int status;
    private final boolean retryable;

    /**
     * @param cost   what the failed call cost, and which backend made it
     * @param url    where the call went, without credentials, or null
     * @param status the HTTP status, or 0 when no response came (I/O error, timeout, open circuit)
     */
    public BackendException(CallCost cost, String url, int status, String message, boolean retryable,
                            Throwable cause) {
        super(message, cause);
        this.cost = Objects.requireNonNull(cost, "cost");
        this.url = url;
        this.status = status;
        this.retryable = retryable;
    }

    /** The name of the backend that failed. */
    public String backend() {
        return cost.backend();
    }

    public String url() {
        return url;
    }

    public int status() {
        return status;
    }

    /** Whether trying again may succeed (I/O errors, 408, 409, 429, 5xx). */
    public boolean retryable() {
        return retryable;
    }

    /** What the failed call cost. */
    public CallCost cost() {
        return cost;
    }

    /** The costs of every failed call this failure stands for: the suppressed earlier ones first, then its own. */
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

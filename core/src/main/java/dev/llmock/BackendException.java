package dev.llmock;

/**
 * A backend call failed. The message names the backend, the URL (never the key) and the HTTP status.
 *
 * @since 0.1.0
 */
public class BackendException extends LlmockException {
    private static final long serialVersionUID = 1L;
    private final String backend;
    private final String url;
    private final int status;
    private final boolean retryable;

    /**
     * @param status the HTTP status, or 0 when no response came (I/O error, timeout)
     */
    public BackendException(String backend, String url, int status, String message, boolean retryable,
                            Throwable cause) {
        super(message, cause);
        this.backend = backend;
        this.url = url;
        this.status = status;
        this.retryable = retryable;
    }

    public String backend() {
        return backend;
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
}

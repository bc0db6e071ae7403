package dev.llmock;

/**
 * Base of every error llmock reports. The message says what happened, where, and how to fix it.
 *
 * @since 0.1.0
 */
public class LlmockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with a message that says what happened, where, and how to fix it.
     *
     * @param message the message
     */
    public LlmockException(String message) {
        super(message);
    }

    /**
     * An error caused by another.
     *
     * @param message the message
     * @param cause the cause
     */
    public LlmockException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.llmock.openapi;

import dev.llmock.LlmockException;

/**
 * An OpenAPI description that cannot be read or used: the message names the file, the place in it and the fix.
 *
 * @since 0.2.0
 */
public class OpenApiException extends LlmockException {
    private static final long serialVersionUID = 1L;

    /**
     * A description that cannot be used.
     *
     * @param message names the file, the place in it and the fix
     */
    public OpenApiException(String message) {
        super(message);
    }

    /**
     * A description that cannot be read.
     *
     * @param message names the file, the place in it and the fix
     * @param cause the cause
     */
    public OpenApiException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.llmock.openapi;

import dev.llmock.LlmockException;

/**
 * An OpenAPI description that cannot be read or used: the message names the file, the place in it and the fix.
 *
 * @since 0.1.0
 */
public class OpenApiException extends LlmockException {
    private static final long serialVersionUID = 1L;

    public OpenApiException(String message) {
        super(message);
    }

    public OpenApiException(String message, Throwable cause) {
        super(message, cause);
    }
}

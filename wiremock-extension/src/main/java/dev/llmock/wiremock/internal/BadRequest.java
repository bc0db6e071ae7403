package dev.llmock.wiremock.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;

/** Input the caller can fix; answered with {@link #status()} and a JSON error, never a stack trace. */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;
    private final transient ObjectNode details;

    BadRequest(int status, String type, String message) {
        this(status, type, message, Json.MAPPER.createObjectNode());
    }

    BadRequest(int status, String type, String message, ObjectNode details) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.details = details;
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    ObjectNode details() {
        return details.deepCopy();
    }
}

package dev.llmock.openapi;

import java.util.List;
import java.util.Optional;

/**
 * One documented response of an operation.
 *
 * @param status      as the description writes it: {@code 200}, {@code 2XX}, {@code default}
 * @param description its description
 * @param content     one entry per media type, in the order of the description; empty for a response with no body
 * @since 0.2.0
 */
public record OpenApiResponse(String status, String description, List<OpenApiContent> content) {
    /**
     * Copies the content, so the response stays immutable.
     *
     * @param status as the description writes it: {@code 200}, {@code 2XX}, {@code default}
     * @param description its description
     * @param content one entry per media type, in the order of the description; empty for a response with no body
     */
    public OpenApiResponse {
        content = List.copyOf(content);
    }

    /** {@return the HTTP status to send: the number, {@code 2XX} as 200, {@code 4XX} as 400, {@code default} as 200} */
    public int statusCode() {
        if (status.length() == 3 && Character.isDigit(status.charAt(0))) {
            return status.endsWith("XX") || status.endsWith("xx") ? (status.charAt(0) - '0') * 100
                    : Integer.parseInt(status);
        }
        return 200;
    }

    /** {@return the JSON media type, else the first one; empty when the response has no body} */
    public Optional<OpenApiContent> preferred() {
        return content.stream().filter(OpenApiContent::json).findFirst().or(() -> content.stream().findFirst());
    }
}

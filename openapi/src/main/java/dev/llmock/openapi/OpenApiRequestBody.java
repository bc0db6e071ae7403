package dev.llmock.openapi;

import java.util.List;
import java.util.Optional;

/**
 * The body an operation takes.
 *
 * @param required whether a request must have one
 * @param content  one entry per media type, in the order of the description
 * @since 0.2.0
 */
public record OpenApiRequestBody(boolean required, List<OpenApiContent> content) {
    /**
     * Copies the content, so the body stays immutable.
     *
     * @param required whether a request must have one
     * @param content one entry per media type, in the order of the description
     */
    public OpenApiRequestBody {
        content = List.copyOf(content);
    }

    /** {@return the JSON media type, else the first one} */
    public Optional<OpenApiContent> preferred() {
        return content.stream().filter(OpenApiContent::json).findFirst().or(() -> content.stream().findFirst());
    }
}

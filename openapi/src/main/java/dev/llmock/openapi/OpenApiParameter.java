package dev.llmock.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A parameter of an operation.
 *
 * @param name     its name
 * @param in       {@code path}, {@code query}, {@code header} or {@code cookie}
 * @param required whether a request must carry it (path parameters always)
 * @param schema   its complete JSON Schema ({@code {}} when the description gives none)
 * @since 0.2.0
 */
public record OpenApiParameter(String name, String in, boolean required, ObjectNode schema) {
}

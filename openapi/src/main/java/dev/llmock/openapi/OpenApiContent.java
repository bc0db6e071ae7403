package dev.llmock.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Shape;
import java.util.List;
import java.util.Locale;

/**
 * One media type of a request body or a response: its complete JSON Schema and its examples.
 *
 * @param mediaType         e.g. {@code application/json}
 * @param schema            a JSON Schema (draft 2020-12) that stands on its own: components it uses are in
 *                          {@code $defs}; for a response without a schema, the schema of its first example
 * @param schemaFromExample whether {@code schema} was read off an example because the description gives none
 * @param examples          the examples the description gives ({@code example}, {@code examples.*.value})
 * @since 0.2.0
 */
public record OpenApiContent(String mediaType, ObjectNode schema, boolean schemaFromExample, List<JsonNode> examples) {
    /**
     * Copies the examples, so the content stays immutable.
     *
     * @param mediaType e.g. {@code application/json}
     * @param schema a JSON Schema (draft 2020-12) that stands on its own: components it uses are in
     *     {@code $defs}; for a response without a schema, the schema of its first example
     * @param schemaFromExample whether {@code schema} was read off an example because the description gives none
     * @param examples the examples the description gives ({@code example}, {@code examples.*.value})
     */
    public OpenApiContent {
        examples = List.copyOf(examples);
    }

    /** {@return whether this is JSON: {@code application/json}, {@code application/problem+json}, {@code ...+json}} */
    public boolean json() {
        String type = mediaType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        String base = (parameters < 0 ? type : type.substring(0, parameters)).trim();
        return base.equals("application/json") || base.endsWith("+json");
    }

    /** {@return whether this is a form: {@code application/x-www-form-urlencoded}} */
    public boolean form() {
        return mediaType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /**
     * {@return the schema as a shape, to generate and validate with}
     *
     * @throws dev.llmock.ShapeException when the schema cannot be read as a shape
     */
    public Shape shape() {
        return Shape.fromJsonSchema(schema);
    }
}

package dev.llmock.wiremock.internal.openapi;

import dev.llmock.Shape;
import dev.llmock.ShapeException;
import dev.llmock.openapi.OpenApiContent;
import dev.llmock.openapi.OpenApiOperation;
import dev.llmock.openapi.OpenApiParameter;
import dev.llmock.openapi.OpenApiSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One operation as served: where (its {@link PathPattern} under the base path in use), and its schemas read once as
 * shapes. A schema llmock cannot turn into a shape does not stop the server: a response schema's reason is given to
 * whoever calls the operation, a request schema is then not checked.
 */
final class ServedOperation {
    private final OpenApiSpec spec;
    private final OpenApiOperation operation;
    private final String basePath;
    private final PathPattern pattern;
    private final Map<String, Shape> parameterShapes = new LinkedHashMap<>();
    private final Map<String, Shape> bodyShapes = new LinkedHashMap<>();
    private final Outcome success;
    private final Outcome badRequest;

    /** A response's shape, or why there is none. */
    record Outcome(Shape shape, String unsupported) {
        static Outcome of(Optional<OpenApiContent> content) {
            if (content.isEmpty()) {
                return new Outcome(null, null);
            }
            try {
                return new Outcome(content.get().shape(), null);
            } catch (ShapeException e) {
                return new Outcome(null, e.getMessage());
            }
        }
    }

    /**
     * @param basePath the base path it is served under: the description's, or the one given in its place
     */
    ServedOperation(OpenApiSpec spec, OpenApiOperation operation, String basePath) {
        this.spec = spec;
        this.operation = operation;
        this.basePath = basePath;
        this.pattern = PathPattern.of(basePath + operation.path());
        for (OpenApiParameter parameter : operation.parameters()) {
            shapeOrNull(() -> Shape.fromJsonSchema(parameter.schema()))
                    .ifPresent(shape -> parameterShapes.put(parameter.in() + ":" + parameter.name(), shape));
        }
        operation.body().ifPresent(body -> body.content().forEach(content -> shapeOrNull(content::shape)
                .ifPresent(shape -> bodyShapes.put(content.mediaType(), shape))));
        this.success = Outcome.of(operation.success().preferred());
        this.badRequest = Outcome.of(operation.badRequest().flatMap(response -> response.preferred()));
    }

    private static Optional<Shape> shapeOrNull(Supplier<Shape> shape) {
        try {
            return Optional.of(shape.get());
        } catch (ShapeException e) {
            return Optional.empty(); // such a parameter or body is passed on unchecked
        }
    }

    OpenApiSpec spec() {
        return spec;
    }

    OpenApiOperation operation() {
        return operation;
    }

    PathPattern pattern() {
        return pattern;
    }

    /** The key of its stub: method and path template as served. */
    String key() {
        return operation.method() + " " + pattern.template();
    }

    /** The template as served, e.g. {@code /v1/pets/{petId}}. */
    String servedPath() {
        return pattern.template();
    }

    /** The shape a parameter's value is checked against, if llmock could read its schema. */
    Optional<Shape> parameterShape(OpenApiParameter parameter) {
        return Optional.ofNullable(parameterShapes.get(parameter.in() + ":" + parameter.name()));
    }

    /** The shape a body of this media type is checked against, if llmock could read its schema. */
    Optional<Shape> bodyShape(OpenApiContent content) {
        return Optional.ofNullable(bodyShapes.get(content.mediaType()));
    }

    Outcome success() {
        return success;
    }

    Outcome badRequest() {
        return badRequest;
    }

    @Override
    public String toString() {
        return operation.id() + " (" + operation.method().toUpperCase(Locale.ROOT) + " " + servedPath() + ")";
    }

    String basePath() {
        return basePath;
    }
}

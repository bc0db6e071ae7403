package dev.llmock.openapi;

import dev.llmock.openapi.internal.Messages;
import dev.llmock.openapi.internal.OperationReader;
import dev.llmock.openapi.internal.SpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An OpenAPI description (3.0 or 3.1, YAML or JSON) read into its operations, each with complete JSON Schemas for
 * what it takes and answers.
 *
 * <pre>{@code
 * OpenApiSpec petstore = OpenApiSpec.load("petstore.yaml");         // a file, else a classpath resource
 * OpenApiOperation show = petstore.operation("showPetById");       // GET /v1/pets/{petId}
 * Shape pet = show.success().preferred().orElseThrow().shape();     // generate or validate with it
 * }</pre>
 *
 * External references are read (relative to the file) and folded in; Swagger 2.0 is read when
 * {@code io.swagger.parser.v3:swagger-parser-v2-converter} is on the classpath. Instances are immutable.
 *
 * @since 0.2.0
 */
public final class OpenApiSpec {
    private final String source;
    private final String title;
    private final String version;
    private final List<OpenApiOperation> operations;
    private final List<String> webhooks;
    private final List<String> warnings;

    private OpenApiSpec(String source, OperationReader.Read read, List<String> warnings) {
        this.source = source;
        this.title = read.title();
        this.version = read.version();
        this.operations = read.operations();
        this.webhooks = read.webhooks();
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads a description from a file, else from a resource of the context class loader.
     *
     * @param location a file path, else a classpath resource, such as {@code petstore.yaml}
     * @return the description's operations
     * @throws OpenApiException when it is missing or not an OpenAPI description, saying what the parser found
     */
    public static OpenApiSpec load(String location) {
        return of(SpecReader.read(Objects.requireNonNull(location, "location")));
    }

    /**
     * Reads a description from a file.
     *
     * @param file the description
     * @return the description's operations
     * @throws OpenApiException when it is missing or not an OpenAPI description, saying what the parser found
     */
    public static OpenApiSpec load(Path file) {
        return of(SpecReader.read(Objects.requireNonNull(file, "file")));
    }

    private static OpenApiSpec of(SpecReader.ReadSpec spec) {
        return new OpenApiSpec(spec.source(), OperationReader.read(spec), spec.messages());
    }

    /** {@return where it was read from, as given} */
    public String source() {
        return source;
    }

    /** {@return the description's {@code info.title}} */
    public String title() {
        return title;
    }

    /** {@return the {@code openapi} version it declares, e.g. {@code 3.0.0}} */
    public String version() {
        return version;
    }

    /**
     * Every operation: paths in the order of the description, and per path GET, PUT, POST, DELETE, OPTIONS, HEAD,
     * PATCH, TRACE.
     *
     * @return the operations
     */
    public List<OpenApiOperation> operations() {
        return operations;
    }

    /**
     * The operation with this {@code operationId} (or {@code METHOD path} when it has none).
     *
     * @param id the {@code operationId}, or {@code METHOD path}
     * @return the operation
     * @throws OpenApiException naming the operations there are
     */
    public OpenApiOperation operation(String id) {
        return operations.stream().filter(operation -> operation.id().equals(id)).findFirst()
                .orElseThrow(() -> new OpenApiException(Messages.unknownOperation(id, source,
                        operations.stream().map(OpenApiOperation::id).collect(Collectors.toList()))));
    }

    /** {@return the names of the webhooks it describes (OpenAPI 3.1); the API calls them, so they are not served} */
    public List<String> webhooks() {
        return webhooks;
    }

    /** {@return what the parser found wrong but could read past, in its words} */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "OpenApiSpec[" + source + ": " + title + ", " + operations.size() + " operations]";
    }
}

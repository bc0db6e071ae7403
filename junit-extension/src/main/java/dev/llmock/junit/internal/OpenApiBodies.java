package dev.llmock.junit.internal;

import dev.llmock.LlmockException;
import dev.llmock.Shape;
import dev.llmock.openapi.OpenApiContent;
import dev.llmock.openapi.OpenApiOperation;
import dev.llmock.openapi.OpenApiSpec;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The request body of an OpenAPI operation as the shape of {@code @GeneratedSource} cases. Descriptions are read once
 * per run (kept in the root context's store). Only touched when {@code openApi} is set, so {@code llmock-openapi}
 * stays optional.
 */
final class OpenApiBodies {
    private static final String PROBE = "dev.llmock.openapi.OpenApiSpec";

    private OpenApiBodies() {
    }

    /** @throws LlmockException saying which dependency to add, when {@code llmock-openapi} is missing */
    static void requireModule(String what) {
        try {
            Class.forName(PROBE, false, OpenApiBodies.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new LlmockException(Messages.openApiModuleMissing(what), e);
        }
    }

    static Shape shape(String location, String operationId, String what, ExtensionContext context) {
        OpenApiOperation operation = operation(location, operationId, context);
        OpenApiContent body = operation.body().flatMap(declared -> declared.preferred())
                .orElseThrow(() -> new LlmockException(Messages.noRequestBody(what, operation.toString(), location)));
        return body.shape();
    }

    /** What a model is told besides the schema: the API and the operation the body is for. */
    static String prompt(String location, String operationId, ExtensionContext context) {
        OpenApiSpec spec = spec(location, context);
        OpenApiOperation operation = spec.operation(operationId);
        String summary = operation.summary().isBlank() ? operation.description() : operation.summary();
        return "A request body for operation " + operation + " of the API \"" + spec.title() + "\""
                + (summary.isBlank() ? "." : ": " + summary.strip());
    }

    private static OpenApiOperation operation(String location, String operationId, ExtensionContext context) {
        return spec(location, context).operation(operationId);
    }

    private static OpenApiSpec spec(String location, ExtensionContext context) {
        return context.getRoot().getStore(LlmockStore.NAMESPACE).getOrComputeIfAbsent("openapi:" + location,
                key -> OpenApiSpec.load(location), OpenApiSpec.class);
    }
}

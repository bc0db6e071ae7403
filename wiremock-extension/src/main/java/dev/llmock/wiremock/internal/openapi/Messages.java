package dev.llmock.wiremock.internal.openapi;

import java.util.Collection;
import java.util.List;

/** Every message a user of the OpenAPI mocks reads, in one place so they stay consistent. */
public final class Messages {
    private static final int LISTED = 12;

    private Messages() {
    }

    /** For {@code openApi(...)} without the {@code llmock-openapi} module on the classpath. */
    public static String openApiModuleMissing() {
        return "OpenAPI mocks need the module dev.llmock:llmock-openapi on the classpath (it brings swagger-parser)."
                + " Add it next to llmock-wiremock, in the same version and scope.";
    }

    static String servedTwice(ServedOperation later, ServedOperation earlier) {
        return later.operation().method() + " " + later.servedPath() + " is served by both " + earlier + " of "
                + earlier.spec().source() + " and " + later + " of " + later.spec().source()
                + ". Give one of the descriptions another base path (openApi(location, \"/other\"), or"
                + " --openapi /other=" + later.spec().source() + ").";
    }

    static String unsupportedSchema(ServedOperation served, String reason) {
        return "llmock cannot generate the response of " + served + " from its schema: " + reason
                + " Simplify that schema in the description, or stub this operation yourself.";
    }

    static String requestDoesNotFit(ServedOperation served, int count) {
        return "The request does not fit operation " + served + ": " + count + (count == 1 ? " problem." : " problems.");
    }

    static String firstError(Problem.Error error) {
        return (error.pointer() != null ? (error.pointer().isEmpty() ? "The body" : error.pointer())
                : "The " + error.in() + " parameter " + error.parameter()) + ": " + error.detail();
    }

    static String missingParameter() {
        return "required, but the request does not have it";
    }

    static String missingBody() {
        return "the operation requires a request body, but the request has none";
    }

    static String bodyTooLarge(long size, long limit) {
        return "The request body has " + size + " bytes, more than the limit of " + limit
                + " bytes. Send a smaller body, or raise the limit (maxBodyBytes, --max-body-bytes).";
    }

    static String unsupportedMediaType(ServedOperation served, String contentType, List<String> accepted) {
        return "Operation " + served + " takes " + String.join(", ", accepted) + ", not " + contentType
                + ". Send the body with one of those Content-Types.";
    }

    static String methodNotAllowed(String method, String path, Collection<String> allowed) {
        return path + " takes " + String.join(", ", allowed) + ", not " + method + ".";
    }

    static String noOperation(String method, String path, List<String> served) {
        String listed = String.join(", ", served.subList(0, Math.min(LISTED, served.size())))
                + (served.size() > LISTED ? " and " + (served.size() - LISTED) + " more" : "");
        return "No operation of the OpenAPI description answers " + method + " " + path + ". Served: " + listed + ".";
    }
}

package dev.llmock.wiremock.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import dev.llmock.Violation;
import dev.llmock.openapi.OpenApiContent;
import dev.llmock.openapi.OpenApiParameter;
import dev.llmock.openapi.OpenApiRequestBody;
import dev.llmock.wiremock.internal.HttpFacts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a request against its operation: path and query parameters against their schemas (typed first: {@code 7}
 * for an integer), and the body against the schema of its media type (JSON, or a form typed by its schema). Headers
 * and cookies are not checked; bodies of other media types (multipart, XML) are passed on unchecked.
 */
final class RequestCheck {
    private RequestCheck() {
    }

    /**
     * What the check found.
     *
     * @param errors      every violation, each naming where
     * @param body        the body as JSON (a form as an object), or null
     * @param unsupported the accepted media types when the request's {@code Content-Type} is none of them, else null
     */
    record Result(List<Problem.Error> errors, JsonNode body, List<String> unsupported) {
    }

    static Result check(ServedOperation served, Map<String, String> pathValues, String url, String contentType,
                        byte[] body) {
        List<Problem.Error> errors = new ArrayList<>();
        for (OpenApiParameter parameter : served.operation().parameters("path")) {
            String value = pathValues.get(parameter.name());
            if (value != null) {
                check(served, parameter, List.of(value), errors);
            }
        }
        Map<String, List<String>> query = HttpFacts.parseQuery(HttpFacts.queryOf(url));
        for (OpenApiParameter parameter : served.operation().parameters("query")) {
            List<String> values = query.get(parameter.name());
            if (values == null) {
                if (parameter.required()) {
                    errors.add(Problem.Error.parameter(parameter.name(), "query", Messages.missingParameter()));
                }
            } else {
                check(served, parameter, values, errors);
            }
        }
        Optional<OpenApiRequestBody> declared = served.operation().body();
        boolean empty = body == null || body.length == 0;
        if (declared.isEmpty() || declared.get().content().isEmpty()) {
            return new Result(errors, empty ? null : undeclaredBody(body, contentType), null);
        }
        if (empty) {
            if (declared.get().required()) {
                errors.add(Problem.Error.body("", Messages.missingBody()));
            }
            return new Result(errors, null, null);
        }
        Optional<OpenApiContent> content = mediaType(declared.get(), contentType, body);
        if (content.isEmpty()) {
            return new Result(errors, null, declared.get().content().stream().map(OpenApiContent::mediaType).toList());
        }
        JsonNode json = parse(content.get(), body, contentType, errors);
        if (json != null) {
            served.bodyShape(content.get()).ifPresent(shape -> shape.validate(json).stream()
                    .sorted(Comparator.comparing(Violation::pointer))
                    .forEach(violation -> errors.add(Problem.Error.body(violation.pointer(), violation.reason()))));
        }
        return new Result(errors, json, null);
    }

    /** A body the operation does not describe is still a fact for the answer, when it is JSON. */
    private static JsonNode undeclaredBody(byte[] body, String contentType) {
        try {
            return HttpFacts.jsonBody(body, contentType);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void check(ServedOperation served, OpenApiParameter parameter, List<String> values,
                              List<Problem.Error> errors) {
        Optional<Shape> shape = served.parameterShape(parameter);
        if (shape.isEmpty()) {
            return;
        }
        JsonNode typed = ParameterValues.typed(values, parameter.schema(), parameter.schema());
        for (Violation violation : shape.get().validate(typed)) {
            errors.add(Problem.Error.parameter(parameter.name(), parameter.in(), violation.pointer().isEmpty()
                    ? violation.reason() : violation.pointer() + ": " + violation.reason()));
        }
    }

    /** The body as JSON; for a body that is not, one error saying why, and null. */
    private static JsonNode parse(OpenApiContent content, byte[] body, String contentType, List<Problem.Error> errors) {
        if (content.form()) {
            return ParameterValues.form(HttpFacts.parseQuery(new String(body, StandardCharsets.UTF_8)),
                    content.schema());
        }
        if (!content.json()) {
            return null;
        }
        try {
            return HttpFacts.jsonBody(body, "application/json");
        } catch (RuntimeException e) {
            errors.add(Problem.Error.body("", e.getMessage()));
            return null;
        }
    }

    /**
     * The media type the body is read as: the one its {@code Content-Type} names (or a JSON one for any JSON type);
     * without a {@code Content-Type}, JSON when the body looks like JSON, else the first. Empty when none fits.
     */
    private static Optional<OpenApiContent> mediaType(OpenApiRequestBody declared, String contentType, byte[] body) {
        List<OpenApiContent> content = declared.content();
        if (contentType == null || contentType.isBlank()) {
            String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).strip();
            boolean looksJson = start.startsWith("{") || start.startsWith("[");
            return looksJson ? declared.preferred().filter(OpenApiContent::json).or(declared::preferred)
                    : content.stream().findFirst();
        }
        String type = base(contentType);
        for (OpenApiContent each : content) {
            String declaredType = base(each.mediaType());
            if (declaredType.equals(type) || declaredType.equals("*/*") || declaredType.endsWith("/*")
                    && type.startsWith(declaredType.substring(0, declaredType.length() - 1))) {
                return Optional.of(each);
            }
        }
        boolean json = type.equals("application/json") || type.endsWith("+json");
        return json ? content.stream().filter(OpenApiContent::json).findFirst() : Optional.empty();
    }

    private static String base(String mediaType) {
        int parameters = mediaType.indexOf(';');
        return (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }
}

package dev.llmock.openapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of an OpenAPI description: where it is served, what it takes and what it answers.
 *
 * @param id          the {@code operationId}, else {@code METHOD path} (e.g. {@code GET /pets/{id}})
 * @param method      the HTTP method in capitals
 * @param path        the path template as the description writes it, e.g. {@code /pets/{petId}}
 * @param basePath    the path of the operation's server URL, e.g. {@code /v1}; empty for the root
 * @param summary     its summary, or empty
 * @param description its description, or empty
 * @param parameters  path-level and operation-level parameters, the operation's winning
 * @param requestBody the body it takes, or null
 * @param responses   the documented responses by status as written ({@code 200}, {@code 4XX}, {@code default})
 * @since 0.2.0
 */
public record OpenApiOperation(String id, String method, String path, String basePath, String summary,
                               String description, List<OpenApiParameter> parameters, OpenApiRequestBody requestBody,
                               Map<String, OpenApiResponse> responses) {
    /**
     * Copies the parameters and responses, so the operation stays immutable.
     *
     * @param id the {@code operationId}, else {@code METHOD path} (e.g. {@code GET /pets/{id}})
     * @param method the HTTP method in capitals
     * @param path the path template as the description writes it, e.g. {@code /pets/{petId}}
     * @param basePath the path of the operation's server URL, e.g. {@code /v1}; empty for the root
     * @param summary its summary, or empty
     * @param description its description, or empty
     * @param parameters path-level and operation-level parameters, the operation's winning
     * @param requestBody the body it takes, or null
     * @param responses the documented responses by status as written ({@code 200}, {@code 4XX}, {@code default})
     */
    public OpenApiOperation {
        parameters = List.copyOf(parameters);
        responses = Map.copyOf(responses);
    }

    /** {@return where it is served: the base path and the path, e.g. {@code /v1/pets/{petId}}} */
    public String fullPath() {
        return basePath + path;
    }

    /** {@return the body it takes, or empty when it takes none} */
    public Optional<OpenApiRequestBody> body() {
        return Optional.ofNullable(requestBody);
    }

    /**
     * The response a successful call gets: the lowest documented 2xx status (200 before 201 before 204), else
     * {@code 2XX}, else {@code default}, else a 200 without a body.
     *
     * @return the response
     */
    public OpenApiResponse success() {
        return responses.keySet().stream().filter(status -> status.length() == 3 && status.startsWith("2")
                        && Character.isDigit(status.charAt(2))).sorted().findFirst()
                .or(() -> responses.keySet().stream().filter(status -> status.equalsIgnoreCase("2XX")).findFirst())
                .or(() -> Optional.of("default").filter(responses::containsKey))
                .map(responses::get)
                .orElseGet(() -> new OpenApiResponse("200", "", List.of()));
    }

    /**
     * {@return the documented response for a request the operation rejects: {@code 400}, else {@code 422}, else
     * {@code 4XX}}
     */
    public Optional<OpenApiResponse> badRequest() {
        return Optional.ofNullable(responses.get("400")).or(() -> Optional.ofNullable(responses.get("422")))
                .or(() -> responses.keySet().stream().filter(status -> status.equalsIgnoreCase("4XX")).findFirst()
                        .map(responses::get));
    }

    /**
     * {@return the response documented for {@code status}: exactly, else by its range ({@code 4XX})}
     *
     * @param status the HTTP status
     */
    public Optional<OpenApiResponse> response(int status) {
        return Optional.ofNullable(responses.get(Integer.toString(status)))
                .or(() -> Optional.ofNullable(responses.get(status / 100 + "XX")))
                .or(() -> Optional.ofNullable(responses.get(status / 100 + "xx")));
    }

    /**
     * {@return its parameters of one kind ({@code path}, {@code query}, ...)}
     *
     * @param in {@code path}, {@code query}, {@code header} or {@code cookie}
     */
    public List<OpenApiParameter> parameters(String in) {
        return parameters.stream().filter(parameter -> parameter.in().equals(in)).toList();
    }

    @Override
    public String toString() {
        return id + " (" + method + " " + fullPath() + ")";
    }
}

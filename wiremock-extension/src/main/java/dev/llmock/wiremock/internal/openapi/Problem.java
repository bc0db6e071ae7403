package dev.llmock.wiremock.internal.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document ({@code application/problem+json}): {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance}, and, for a request that does not fit its operation, {@code errors}: one per
 * violation, naming the JSON Pointer into the body ({@code pointer}) or the parameter ({@code parameter}, {@code in}).
 */
final class Problem {
    static final String MEDIA_TYPE = "application/problem+json";
    private static final Map<Integer, String> TITLES = Map.of(400, "Bad Request", 404, "Not Found",
            405, "Method Not Allowed", 413, "Content Too Large", 415, "Unsupported Media Type",
            422, "Unprocessable Content", 500, "Internal Server Error", 502, "Bad Gateway");

    /** One thing wrong with a request: where ({@code pointer} into the body, or a parameter) and what. */
    record Error(String pointer, String parameter, String in, String detail) {
        static Error body(String pointer, String detail) {
            return new Error(pointer, null, null, detail);
        }

        static Error parameter(String name, String in, String detail) {
            return new Error(null, name, in, detail);
        }
    }

    private Problem() {
    }

    /** The document; {@code errors} may be empty, {@code instance} is the request's path. */
    static ObjectNode of(int status, String detail, String instance, List<Error> errors) {
        ObjectNode problem = Json.MAPPER.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", TITLES.getOrDefault(status, "Error"));
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        if (!errors.isEmpty()) {
            ArrayNode list = problem.putArray("errors");
            errors.forEach(error -> list.add(json(error)));
        }
        return problem;
    }

    /** One error as JSON: {@code pointer} or {@code parameter} and {@code in}, then {@code detail}. */
    static ObjectNode json(Error error) {
        ObjectNode item = Json.MAPPER.createObjectNode();
        if (error.pointer() != null) {
            item.put("pointer", error.pointer());
        } else {
            item.put("parameter", error.parameter());
            item.put("in", error.in());
        }
        item.put("detail", error.detail());
        return item;
    }
}

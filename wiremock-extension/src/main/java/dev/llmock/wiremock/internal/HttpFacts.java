package dev.llmock.wiremock.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The facts of one HTTP request that generated data must agree with, as the {@code FixtureRequest} context: method,
 * normalized path, path parameters, sorted query and JSON body. Equal requests give equal facts (and so equal keys).
 *
 * <pre>
 * {"method":"GET","path":"/users/{id}","pathParameters":{"id":"42"},"query":{"q":["x"]},"body":{...}}
 * </pre>
 */
public final class HttpFacts {
    static final String METHOD = "method";
    static final String PATH = "path";
    static final String PATH_PARAMETERS = "pathParameters";
    static final String QUERY = "query";
    static final String BODY = "body";

    private HttpFacts() {
    }

    /**
     * The facts as canonical JSON.
     *
     * @param pathParameters values by name; empty for none
     * @param query          the raw query (without {@code ?}), or null; names in {@code ignored} are left out
     * @param body           the parsed JSON body, or null
     */
    public static ObjectNode of(String method, String path, Map<String, String> pathParameters, String query,
                                Set<String> ignored, JsonNode body) {
        ObjectNode facts = Json.MAPPER.createObjectNode();
        facts.put(METHOD, method.toUpperCase(Locale.ROOT));
        facts.put(PATH, path);
        if (!pathParameters.isEmpty()) {
            ObjectNode parameters = facts.putObject(PATH_PARAMETERS);
            new TreeMap<>(pathParameters).forEach(parameters::put);
        }
        Map<String, List<String>> sorted = parseQuery(query);
        ignored.forEach(sorted::remove);
        if (!sorted.isEmpty()) {
            ObjectNode queryJson = facts.putObject(QUERY);
            sorted.forEach((name, values) -> {
                ArrayNode array = queryJson.putArray(name);
                values.forEach(array::add);
            });
        }
        if (body != null && !body.isMissingNode() && !body.isNull()) {
            facts.set(BODY, body);
        }
        return facts;
    }

    /** Query parameters sorted by name, values in request order, percent-decoded. */
    public static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> result = new TreeMap<>();
        if (query == null || query.isEmpty()) {
            return result;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return result;
    }

    /** The first value of query parameter {@code name} in {@code url}, or null. */
    static String queryValue(String url, String name) {
        List<String> values = parseQuery(queryOf(url)).get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The query of {@code url}, without {@code ?}, or null. */
    public static String queryOf(String url) {
        int at = url == null ? -1 : url.indexOf('?');
        return at < 0 ? null : url.substring(at + 1);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /**
     * The body as JSON when it is JSON (by content type or because it starts like JSON), null when it is empty or
     * something else (a form, text).
     *
     * @throws BadRequest naming the line and column when it should be JSON and is not
     */
    public static JsonNode jsonBody(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return null;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String trimmed = text.strip();
        boolean declared = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
        if (!declared && !trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return null;
        }
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String first = e.getOriginalMessage().lines().findFirst().orElse("");
            throw new BadRequest(400, "invalid_json", Messages.malformedBody(at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), first));
        }
    }
}

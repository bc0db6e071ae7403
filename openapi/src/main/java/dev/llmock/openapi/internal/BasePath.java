package dev.llmock.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * The path part of a server URL, where an API's paths begin: {@code http://petstore.swagger.io/v1} gives {@code /v1},
 * {@code {scheme}://developer.uspto.gov/ds-api} gives {@code /ds-api} (variables take their defaults), {@code /} gives
 * the empty string.
 */
final class BasePath {
    private BasePath() {
    }

    /** The base path of the first server in {@code servers}, or null when there is none. */
    static String of(JsonNode servers) {
        if (servers == null || !servers.isArray() || servers.isEmpty()) {
            return null;
        }
        JsonNode server = servers.get(0);
        String url = server.path("url").asText("/");
        for (Map.Entry<String, JsonNode> variable : (Iterable<Map.Entry<String, JsonNode>>) server.path("variables")::fields) {
            url = url.replace("{" + variable.getKey() + "}", variable.getValue().path("default").asText(""));
        }
        String path = url;
        try {
            URI uri = new URI(url.replaceAll("\\{[^}]*}", "x"));
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                int start = url.indexOf("//");
                int slash = start < 0 ? -1 : url.indexOf('/', start + 2);
                path = slash < 0 ? "" : url.substring(slash);
            }
        } catch (URISyntaxException e) {
            // not a URL: take it as a path
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
    }
}

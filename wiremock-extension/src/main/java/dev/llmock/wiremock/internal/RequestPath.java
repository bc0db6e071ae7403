package dev.llmock.wiremock.internal;

import dev.llmock.wiremock.internal.context.Nouns;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A request path with its identifier segments replaced by named parameters: {@code /users/42/orders/7} becomes
 * {@code /users/{userId}/orders/{id}} with {@code userId=42, id=7}. The last identifier is always {@code id}.
 *
 * @param normalized the template, starting with {@code /}, without a trailing slash or empty segments
 * @param parameters the identifier values by parameter name, in path order
 * @param collection whether the path ends in a name rather than an identifier ({@code /users})
 */
record RequestPath(String normalized, Map<String, String> parameters, boolean collection) {
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Codes such as {@code ORD-12345} or {@code a1b2c3d4e5}: long enough, with a digit, no spaces. */
    private static final Pattern CODE = Pattern.compile("(?=.*\\d)[A-Za-z0-9_\\-.]{6,}");

    RequestPath {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Reads the path of {@code url} (a query is dropped), finding the identifier segments. */
    static RequestPath parse(String url) {
        List<String> segments = segments(url);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            if (isIdentifier(segments.get(i))) {
                ids.add(i);
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            template.append('/');
            if (ids.contains(i)) {
                String name = i == ids.get(ids.size() - 1) ? "id" : nameFor(segments, i, parameters);
                parameters.put(name, segment);
                template.append('{').append(name).append('}');
            } else {
                template.append(segment);
            }
        }
        String normalized = template.length() == 0 ? "/" : template.toString();
        boolean collection = segments.isEmpty() || !isIdentifier(segments.get(segments.size() - 1));
        return new RequestPath(normalized, parameters, collection);
    }

    /** The path of {@code url} with empty segments and a trailing slash removed, segments percent-decoded. */
    static String clean(String url) {
        String path = withoutQuery(url);
        if (alreadyClean(path)) {
            return path; // most paths: no need to split, decode and join them again
        }
        List<String> segments = segments(url);
        return segments.isEmpty() ? "/" : "/" + String.join("/", segments);
    }

    /** Whether {@code path} is its own clean form: no empty segment, no trailing slash, nothing percent-encoded. */
    private static boolean alreadyClean(String path) {
        return path.length() > 1 && path.charAt(0) == '/' && path.charAt(path.length() - 1) != '/'
                && path.indexOf("//") < 0 && path.indexOf('%') < 0;
    }

    private static String withoutQuery(String url) {
        String path = url == null ? "" : url;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int fragment = path.indexOf('#');
        if (fragment >= 0) {
            path = path.substring(0, fragment);
        }
        return path;
    }

    private static List<String> segments(String url) {
        String path = withoutQuery(url);
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    static boolean isIdentifier(String segment) {
        return NUMBER.matcher(segment).matches() || UUID.matcher(segment).matches()
                || CODE.matcher(segment).matches() && !segment.matches("v\\d+(\\.\\d+)*");
    }

    private static String nameFor(List<String> segments, int index, Map<String, String> taken) {
        String base = "id";
        if (index > 0 && !isIdentifier(segments.get(index - 1))) {
            base = Nouns.singular(segments.get(index - 1)) + "Id";
        }
        String name = base;
        for (int n = 2; taken.containsKey(name) || "id".equals(name); n++) {
            name = base + n;
        }
        return name;
    }
}

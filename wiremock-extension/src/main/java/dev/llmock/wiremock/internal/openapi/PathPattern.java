package dev.llmock.wiremock.internal.openapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path template such as {@code /v1/pets/{petId}} as a regular expression: each parameter takes one segment (or part
 * of one, as in {@code /files/{name}.json}), a trailing slash is optional, and matched values are percent-decoded.
 */
final class PathPattern {
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private final String template;
    private final String regex;
    private final Pattern compiled;
    private final List<String> names;

    private PathPattern(String template, String regex, List<String> names) {
        this.template = template;
        this.regex = regex;
        this.compiled = Pattern.compile(regex);
        this.names = List.copyOf(names);
    }

    /** The template, e.g. {@code /v1/pets/{petId}}. */
    String template() {
        return template;
    }

    /** The expression for WireMock's {@code urlPathMatching}. */
    String regex() {
        return regex;
    }

    /** The parameter names in template order. */
    List<String> names() {
        return names;
    }

    static PathPattern of(String template) {
        String trimmed = template.length() > 1 && template.endsWith("/")
                ? template.substring(0, template.length() - 1) : template;
        if (trimmed.equals("/")) {
            trimmed = "";
        }
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(trimmed);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(trimmed.substring(last, matcher.start()))).append("([^/]+)");
            names.add(matcher.group(1));
            last = matcher.end();
        }
        regex.append(last < trimmed.length() ? Pattern.quote(trimmed.substring(last)) : "").append("/?");
        return new PathPattern(template, regex.toString(), names);
    }

    /** The parameter values when {@code path} (without a query) fits, else null. */
    Map<String, String> match(String path) {
        Matcher matcher = compiled.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), URLDecoder.decode(matcher.group(i + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8));
        }
        return values;
    }
}

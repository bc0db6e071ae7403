package dev.llmock.internal.config;

import java.util.List;
import java.util.Locale;

/**
 * One entry of {@code cassettes.ignore}: a part of an HTTP request left out of its cassette key, written
 * {@code body.<field path>} (dot-separated fields of the JSON body; arrays on the way are looked into item by item),
 * {@code query.<name>} or {@code header.<name>}. Public for the WireMock extension, which applies the entries.
 *
 * @param part what the entry names
 * @param path the body's field names from the root, or the one query parameter or header name
 */
public record IgnoreEntry(Part part, List<String> path) {
    /** What an example looks like, for messages. */
    public static final String EXPECTED = "body.<field path>, query.<name> or header.<name>, such as \"body.requestId\","
            + " \"query.ts\" or \"header.X-Trace-Id\"";

    public IgnoreEntry {
        path = List.copyOf(path);
    }

    /** The part of a request an entry names. */
    public enum Part {
        BODY, QUERY, HEADER
    }

    /**
     * The entry {@code text} stands for.
     *
     * @throws IllegalArgumentException when it is none; the caller words the message with {@link #EXPECTED}
     */
    public static IgnoreEntry parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int dot = trimmed.indexOf('.');
        if (dot > 0 && dot < trimmed.length() - 1) {
            String rest = trimmed.substring(dot + 1);
            switch (trimmed.substring(0, dot).toLowerCase(Locale.ROOT)) {
                case "body":
                    List<String> fields = List.of(rest.split("\\.", -1));
                    if (fields.stream().noneMatch(String::isBlank)) {
                        return new IgnoreEntry(Part.BODY, fields);
                    }
                    break;
                case "query":
                    return new IgnoreEntry(Part.QUERY, List.of(rest));
                case "header":
                    return new IgnoreEntry(Part.HEADER, List.of(rest));
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("not " + EXPECTED + ": \"" + text + "\"");
    }
}

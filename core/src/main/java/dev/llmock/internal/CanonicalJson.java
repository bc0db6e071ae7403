package dev.llmock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Canonical JSON text (keys sorted at every level, no spaces) written straight from a tree: the text cassette keys
 * hash. It is, character for character, what Jackson writes for the tree converted to plain maps and lists with sorted
 * keys ({@link Json#canonical}'s definition since the first recorded key; {@code CanonicalJsonTest} compares the two
 * on random trees), without building those maps. A subtree whose text is known already (a shape's schema, computed
 * once per shape) can be left out, the text before and after it given apart.
 */
final class CanonicalJson {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(256);
    /** A subtree left out (its text is known elsewhere), or null. */
    private final JsonNode known;
    /** Where the known subtree's text goes in {@link #out}, once met. */
    private int knownAt = -1;

    private CanonicalJson(JsonNode known) {
        this.known = known;
    }

    /** The canonical text of {@code node}. */
    static String write(JsonNode node) {
        CanonicalJson writer = new CanonicalJson(null);
        writer.value(node);
        return writer.out.toString();
    }

    /**
     * The canonical text of {@code node} before and after its subtree {@code known} (the same instance), which is left
     * out where first met (written as any subtree where met again): whoever hashes the text can start from the known
     * part's hash state instead of hashing it again.
     *
     * @throws IllegalArgumentException when {@code known} is not in {@code node}
     */
    static Json.TextAround around(JsonNode node, JsonNode known) {
        CanonicalJson writer = new CanonicalJson(Objects.requireNonNull(known, "known"));
        writer.value(node);
        if (writer.knownAt < 0) {
            throw new IllegalArgumentException("The known subtree is not part of the tree.");
        }
        return new Json.TextAround(writer.out.substring(0, writer.knownAt), writer.out.substring(writer.knownAt));
    }

    private void value(JsonNode node) {
        if (node == known && knownAt < 0) {
            knownAt = out.length();
            return;
        }
        switch (node.getNodeType()) {
            case OBJECT -> object(node);
            case ARRAY -> array(node);
            case STRING -> string(node.textValue());
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    out.append(node.asText());
                } else {
                    // Floating point goes through Jackson's own conversion (double or BigDecimal, its formatting).
                    out.append(Json.jacksonCanonical(node));
                }
            }
            default -> out.append(Json.jacksonCanonical(node));
        }
    }

    private void object(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            fields.add(it.next());
        }
        fields.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(fields.get(i).getKey());
            out.append(':');
            value(fields.get(i).getValue());
        }
        out.append('}');
    }

    private void array(JsonNode node) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            value(node.get(i));
        }
        out.append(']');
    }

    /** Jackson's default escaping: quote, backslash and control characters; nothing else. */
    private void string(String text) {
        out.append('"');
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, start, i);
            start = i + 1;
            out.append('\\');
            switch (c) {
                case '"', '\\' -> out.append(c);
                case '\b' -> out.append('b');
                case '\t' -> out.append('t');
                case '\f' -> out.append('f');
                case '\n' -> out.append('n');
                case '\r' -> out.append('r');
                default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(text, start, text.length()).append('"');
    }
}

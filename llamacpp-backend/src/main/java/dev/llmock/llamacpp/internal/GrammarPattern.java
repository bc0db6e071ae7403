package dev.llmock.llamacpp.internal;

import java.util.Optional;

/**
 * Decides whether a JSON Schema {@code pattern} may go into llama.cpp's grammar, and rewrites it into the regular
 * expression subset llama.cpp's converter handles.
 *
 * <p>The converter aborts the whole JVM on a pattern it cannot parse (an unanchored one, {@code (?:...)}, a
 * quantifier with nothing before it), and lets {@code .}, {@code [^...]} and {@code \s} produce quotes and control
 * characters that break the JSON string around them. So only anchored patterns built from plain characters, escaped
 * punctuation, {@code \d}, {@code \w}, character classes with ranges, groups, alternatives and quantifiers pass;
 * anything else stays out of the grammar and is checked only by llmock's validation afterwards.
 */
final class GrammarPattern {
    private static final String SPECIAL = "\\^$.|?*+()[]{}";
    private static final String ESCAPABLE = ".-+*?()[]{}|^$/";
    private static final int MAX_REPEAT = 1000;

    private final String pattern;
    private final StringBuilder out = new StringBuilder();
    private int at;

    private GrammarPattern(String pattern) {
        this.pattern = pattern;
    }

    /** The pattern as the grammar converter can take it, or empty when it must stay out of the grammar. */
    static Optional<String> of(String pattern) {
        if (pattern == null || pattern.length() < 3 || !pattern.startsWith("^") || !pattern.endsWith("$")
                || pattern.endsWith("\\$")) {
            return Optional.empty();
        }
        GrammarPattern parser = new GrammarPattern(pattern.substring(1, pattern.length() - 1));
        return parser.alternatives() && parser.at == parser.pattern.length()
                ? Optional.of("^" + parser.out + "$") : Optional.empty();
    }

    private boolean alternatives() {
        if (!sequence()) {
            return false;
        }
        while (peek() == '|') {
            out.append('|');
            at++;
            if (!sequence()) {
                return false;
            }
        }
        return true;
    }

    /** One or more atoms, each with an optional quantifier. */
    private boolean sequence() {
        int atoms = 0;
        while (at < pattern.length() && peek() != '|' && peek() != ')') {
            if (!atom() || !quantifier()) {
                return false;
            }
            atoms++;
        }
        return atoms > 0;
    }

    private boolean atom() {
        char c = pattern.charAt(at);
        if (c == '(') {
            at++;
            if (peek() == '?') {
                return false;
            }
            out.append('(');
            if (!alternatives() || peek() != ')') {
                return false;
            }
            out.append(')');
            at++;
            return true;
        }
        if (c == '[') {
            return characterClass();
        }
        if (c == '\\') {
            return escape();
        }
        if (SPECIAL.indexOf(c) >= 0 || !plain(c)) {
            return false;
        }
        out.append(c);
        at++;
        return true;
    }

    private boolean escape() {
        if (at + 1 >= pattern.length()) {
            return false;
        }
        char c = pattern.charAt(at + 1);
        at += 2;
        switch (c) {
            case 'd' -> out.append("[0-9]");
            case 'w' -> out.append("[0-9A-Za-z_]");
            default -> {
                if (ESCAPABLE.indexOf(c) < 0) {
                    return false;
                }
                out.append('\\').append(c);
            }
        }
        return true;
    }

    /** {@code [a-z0-9_]}: plain characters and ranges; no negation, no escapes. */
    private boolean characterClass() {
        int start = at;
        at++;
        int members = 0;
        while (at < pattern.length() && pattern.charAt(at) != ']') {
            char c = pattern.charAt(at);
            if ((c == '^' && at == start + 1) || c == '\\' || c == '[' || !plain(c)) {
                return false;
            }
            at++;
            members++;
        }
        if (members == 0 || at >= pattern.length()) {
            return false;
        }
        at++;
        out.append(pattern, start, at);
        return true;
    }

    private boolean quantifier() {
        char c = peek();
        if (c == '*' || c == '+' || c == '?') {
            out.append(c);
            at++;
            return true;
        }
        if (c != '{') {
            return true;
        }
        int close = pattern.indexOf('}', at);
        if (close < 0) {
            return false;
        }
        String body = pattern.substring(at + 1, close);
        if (!body.matches("\\d{1,4}(,\\d{0,4})?")) {
            return false;
        }
        String[] bounds = body.split(",", -1);
        int min = Integer.parseInt(bounds[0]);
        if (min > MAX_REPEAT || bounds.length == 2 && !bounds[1].isEmpty()
                && (Integer.parseInt(bounds[1]) < min || Integer.parseInt(bounds[1]) > MAX_REPEAT)) {
            return false;
        }
        out.append(pattern, at, close + 1);
        at = close + 1;
        return true;
    }

    private char peek() {
        return at < pattern.length() ? pattern.charAt(at) : '\0';
    }

    /** Printable, and neither a quote nor a backslash, which would need escaping inside the JSON string. */
    private static boolean plain(char c) {
        return c >= 0x20 && c != 0x7F && c != '"' && c != '\\';
    }
}

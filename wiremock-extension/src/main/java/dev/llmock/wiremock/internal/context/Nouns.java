package dev.llmock.wiremock.internal.context;

import java.util.Locale;

/** English nouns of paths and types: {@code customers} is the collection of {@code customer}, and back. */
public final class Nouns {
    private Nouns() {
    }

    /** The singular of a path segment in lower camel case: {@code order-lines} gives {@code orderLine}. */
    public static String singular(String segment) {
        String camel = camel(segment);
        if (camel.endsWith("ies") && camel.length() > 3) {
            return camel.substring(0, camel.length() - 3) + "y";
        }
        if (camel.endsWith("ses") || camel.endsWith("xes") || camel.endsWith("ches") || camel.endsWith("shes")) {
            return camel.substring(0, camel.length() - 2);
        }
        if (camel.endsWith("s") && !camel.endsWith("ss") && camel.length() > 1) {
            return camel.substring(0, camel.length() - 1);
        }
        return camel;
    }

    /** The collection segment of a type name: {@code Customer} gives {@code customers}, {@code OrderLine} {@code order-lines}. */
    public static String collectionOf(String typeName) {
        StringBuilder kebab = new StringBuilder();
        for (char c : typeName.toCharArray()) {
            if (Character.isUpperCase(c) && kebab.length() > 0) {
                kebab.append('-');
            }
            kebab.append(Character.toLowerCase(c));
        }
        String word = kebab.toString();
        if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("ch") || word.endsWith("sh")) {
            return word + "es";
        }
        return word + "s";
    }

    /** Whether a field name reads as plural ({@code users}, {@code categories}), not {@code status} or {@code address}. */
    public static boolean isPlural(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("people") || lower.endsWith("children") || lower.endsWith("list")) {
            return true;
        }
        return lower.length() > 2 && lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us")
                && !lower.endsWith("is") && !lower.endsWith("news") && !lower.endsWith("series");
    }

    private static String camel(String word) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : word.toCharArray()) {
            if (c == '-' || c == '_' || c == '.') {
                upper = out.length() > 0;
            } else if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : out.length() == 0 ? Character.toLowerCase(c) : c);
                upper = false;
            }
        }
        return out.length() == 0 ? "item" : out.toString();
    }
}

package dev.llmock.internal.synthetic;

import java.util.Locale;

final class FieldNames {
    private FieldNames() {
    }

    /** Recently normalized names by hash: a shape's few names come back for every record. */
    private static final Normalized[] RECENT = new Normalized[512];

    private record Normalized(String name, String normalized) {
    }

    /** {@code first_name}, {@code firstName} and {@code First-Name} are one name: {@code firstname}. */
    static String normalize(String name) {
        if (name == null) {
            return "";
        }
        int slot = name.hashCode() & (RECENT.length - 1);
        Normalized recent = RECENT[slot];
        if (recent != null && recent.name().equals(name)) {
            return recent.normalized();
        }
        String normalized = fold(name);
        RECENT[slot] = new Normalized(name, normalized);
        return normalized;
    }

    private static String fold(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                kept.append((char) (c + ('a' - 'A')));
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** A plural field name's singular, for the items of an array ({@code tags} gives {@code tag}). */
    static String singular(String name) {
        if (name.endsWith("ies")) {
            return name.substring(0, name.length() - 3) + "y";
        }
        if (name.endsWith("sses") || name.endsWith("xes")) {
            return name.substring(0, name.length() - 2);
        }
        return name.endsWith("s") && !name.endsWith("ss") ? name.substring(0, name.length() - 1) : name;
    }
}

package dev.llmock.internal.backend.http;

/**
 * Removes a backend's API key from text that came from elsewhere: a provider may echo the key back in an error, and
 * such text goes into messages and log lines.
 */
record Redaction(String apiKey) {
    private static final int EXCERPT = 300;

    String apply(String text) {
        if (text == null || apiKey == null || apiKey.length() < 4) {
            return text;
        }
        return text.replace(apiKey, "<redacted>");
    }

    /** The start of {@code text} on one line, redacted, for messages. */
    String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return apply(flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "..." : flat);
    }
}

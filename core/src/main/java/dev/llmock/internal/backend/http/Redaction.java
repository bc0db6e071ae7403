package dev.llmock.internal.backend.http;

import dev.llmock.internal.RedactedUrls;

/**
 * Removes a backend's API key, and credentials inside URLs, from text that came from elsewhere: a provider may echo
 * the key or the URL back in an error, and such text goes into messages and log lines.
 */
record Redaction(String apiKey) {
    private static final int EXCERPT = 300;

    String apply(String text) {
        String safe = RedactedUrls.within(text);
        if (safe == null || apiKey == null || apiKey.length() < 4) {
            return safe;
        }
        return safe.replace(apiKey, RedactedUrls.REDACTED);
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

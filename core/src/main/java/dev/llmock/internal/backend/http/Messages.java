package dev.llmock.internal.backend.http;

import dev.llmock.BackendConfig;
import dev.llmock.internal.RedactedUrls;
import java.time.Duration;
import java.time.Instant;

/** Every message the HTTP backends show a user, in one place so they read alike. */
final class Messages {

    private Messages() {
    }

    /** {@code Backend "fast" (ollama, model llama3.2)}. */
    static String who(BackendConfig config) {
        return "Backend \"" + config.name() + "\" (" + config.provider()
                + (config.model() == null ? "" : ", model " + config.model()) + ")";
    }

    static String failure(String who, String url, String outcome, String detail, String hint, int attempts) {
        StringBuilder message = new StringBuilder(who).append(" failed: POST ").append(url).append(' ')
                .append(outcome);
        if (attempts > 1) {
            message.append(" after ").append(attempts).append(" attempts");
        }
        if (detail != null && !detail.isBlank()) {
            message.append(": ").append(detail.strip());
        }
        if (message.charAt(message.length() - 1) != '.') {
            message.append('.');
        }
        if (hint != null) {
            message.append(' ').append(hint);
        }
        return message.toString();
    }

    static String httpOutcome(int status) {
        return "returned HTTP " + status;
    }

    static String timeoutOutcome(Duration timeout) {
        return "got no response within " + seconds(timeout);
    }

    static String ioOutcome() {
        return "got no response";
    }

    static String hintFor(int status, BackendConfig config, String source) {
        if (status == 401 || status == 403) {
            String variable = "anthropic".equals(config.provider()) ? "ANTHROPIC_API_KEY"
                    : "openai".equals(config.provider()) ? "OPENAI_API_KEY" : "LLM_API_KEY";
            return "Check \"apiKey\" of backend \"" + config.name() + "\" in " + source + " (such as \"${" + variable
                    + "}\") and that the environment variable holds a valid key.";
        }
        if (status == 404) {
            return "Check \"baseUrl\" (" + display(config.baseUrl()) + ") and \"model\" (" + config.model()
                    + ") of backend \"" + config.name() + "\": the server does not know this path or model.";
        }
        if (status == 400 || status == 422) {
            return "The provider rejected the request; check that the model \"" + config.model()
                    + "\" exists there and supports JSON output.";
        }
        if (status == 408 || status == 409 || status == 429) {
            return "The provider is busy or rate limiting: lower \"maxConcurrentRequests\", raise"
                    + " \"retry.maxAttempts\", or name a \"fallback\" backend.";
        }
        if (status >= 500) {
            return "The provider failed; try again later, raise \"retry.maxAttempts\", or name a \"fallback\" backend.";
        }
        return null;
    }

    static String timeoutHint(BackendConfig config) {
        return "Raise \"timeoutSeconds\" of backend \"" + config.name() + "\", or ask for fewer records per call.";
    }

    static String ioHint(BackendConfig config) {
        return "Check that the server runs at " + display(config.baseUrl()) + " (\"baseUrl\" of backend \""
                + config.name() + "\").";
    }

    static String circuitOpen(int failures, int lastStatus, Instant halfOpensAt, int openSeconds) {
        return "was not called because its circuit breaker is open after " + failures + " consecutive failures"
                + (lastStatus > 0 ? " (last: HTTP " + lastStatus + ")" : " (last: no response)")
                + "; it lets a call through again at " + halfOpensAt + " (circuitBreaker.openSeconds = " + openSeconds
                + ")";
    }

    static String circuitTrying(int failures, int lastStatus) {
        return "was not called because its circuit breaker is half-open after " + failures + " consecutive failures"
                + (lastStatus > 0 ? " (last: HTTP " + lastStatus + ")" : " (last: no response)")
                + " and its one trial call is still out; calls go through again once that trial succeeds";
    }

    /** A server's rejection of a shape's schema, logged once per shape; the shape is shown in its first 120 chars. */
    static String schemaRejected(String who, int status, String reason, String shape) {
        String excerpt = shape.length() <= 120 ? shape : shape.substring(0, 117) + "...";
        return "llmock: " + who + " rejected the JSON schema of the shape " + excerpt + " (HTTP " + status + ": "
                + reason + "); asking it for plain JSON with the schema in the prompt for this shape from now on."
                + " Answers are still checked against the shape; other shapes keep their schema.";
    }

    static String circuitHint() {
        return "Name a \"fallback\" backend, or pool several backends under one name, to keep going meanwhile.";
    }

    static String busyOutcome(int limit, Duration waited) {
        return "was not sent: " + limit + " calls (maxConcurrentRequests) were still in flight after waiting "
                + seconds(waited);
    }

    /** Written as the last word: the engine asks again with fewer records and a larger budget before giving up. */
    static String truncated(String reason, Integer budget) {
        return "was cut off at the output token limit (" + reason + (budget == null ? "" : ", max " + budget + " tokens")
                + "), even after retrying with a larger budget and fewer records per call";
    }

    static String truncatedHint(BackendConfig config) {
        return "Raise \"maxTokens\" of backend \"" + config.name() + "\", or ask for fewer or smaller records.";
    }

    static String notJson(String excerpt) {
        return "returned HTTP 200 with a body that is not JSON: " + excerpt;
    }

    static String refused(String refusal) {
        return "returned a refusal instead of data: " + refusal;
    }

    /** A URL as messages show it: user info and credential-like query parameters redacted. */
    static String display(String url) {
        return url == null ? "(no URL)" : RedactedUrls.of(url);
    }

    private static String seconds(Duration duration) {
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toMillis() + " ms";
    }
}

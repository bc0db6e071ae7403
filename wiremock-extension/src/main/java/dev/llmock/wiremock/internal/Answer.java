package dev.llmock.wiremock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.BackendException;
import dev.llmock.ConfigException;
import dev.llmock.GenerationException;
import dev.llmock.LlmockException;
import dev.llmock.ShapeException;
import dev.llmock.cassette.ReplayMissException;
import dev.llmock.internal.Json;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What to send back: a status and a JSON body. Failures become {@code {"error": {"code", "type", "message", ...}}},
 * never a stack trace.
 *
 * @param status the HTTP status
 * @param body   the JSON body
 * @param source for the request log: {@code generated}, {@code replayed}, {@code cached}, {@code simulated}, {@code error}
 */
public record Answer(int status, JsonNode body, String source, boolean cacheable) {
    private static final Logger LOG = Logger.getLogger(Answer.class.getName());

    public static Answer ok(int status, JsonNode body, String source) {
        return new Answer(status, body, source, true);
    }

    /** The same answer, marked as one that must be made anew for every request ({@code $cache} rotation). */
    public Answer notCacheable() {
        return new Answer(status, body, source, false);
    }

    /** A JSON error with {@code details} merged into the {@code error} object. */
    public static Answer error(int status, String type, String message, ObjectNode details) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", status);
        error.put("type", type);
        error.put("message", message);
        if (details != null) {
            error.setAll(details);
        }
        return new Answer(status, body, "error", false);
    }

    /** The answer for a failure, by kind: bad input 400, replay miss 404, size 413, backend 502, else 500. */
    public static Answer of(RuntimeException failure) {
        ObjectNode details = Json.MAPPER.createObjectNode();
        if (failure instanceof BadRequest) {
            BadRequest bad = (BadRequest) failure;
            return error(bad.status(), bad.type(), bad.getMessage(), bad.details());
        }
        if (failure instanceof ShapeException) {
            ShapeException shape = (ShapeException) failure;
            if (shape.line() > 0) {
                details.put("line", shape.line());
                details.put("column", shape.column());
            }
            return error(400, "invalid_shape", shape.getMessage(), details);
        }
        if (failure instanceof ReplayMissException) {
            ReplayMissException miss = (ReplayMissException) failure;
            details.put("key", miss.key());
            if (miss.path() != null) {
                details.put("cassette", miss.path().toString());
            }
            return error(404, "replay_miss", Messages.replayMiss(miss.key(), miss.getMessage()), details);
        }
        if (failure instanceof ConfigException) {
            return error(400, "configuration", failure.getMessage(), details);
        }
        BackendException backend = backendCause(failure);
        if (backend != null) {
            details.put("backend", backend.backend());
            if (backend.status() > 0) {
                details.put("upstreamStatus", backend.status());
            }
            return error(502, "backend_failure", Messages.backendFailed(backend.backend(), backend.getMessage()),
                    details);
        }
        if (failure instanceof GenerationException) {
            return error(502, "invalid_output", Messages.invalidOutput(failure.getMessage()), details);
        }
        if (failure instanceof LlmockException) {
            return error(500, "llmock", failure.getMessage(), details);
        }
        LOG.log(Level.WARNING, "llmock: unexpected failure while answering a request", failure);
        return error(500, "internal", Messages.unexpected(failure), details);
    }

    private static BackendException backendCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BackendException) {
                return (BackendException) t;
            }
        }
        return null;
    }
}

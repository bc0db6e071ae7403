package dev.llmock.wiremock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.BackendException;
import dev.llmock.Fixture;
import dev.llmock.Provenance;
import dev.llmock.ConfigException;
import dev.llmock.GenerationException;
import dev.llmock.LlmockException;
import dev.llmock.ShapeException;
import dev.llmock.cassette.ReplayMissException;
import dev.llmock.internal.Json;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * What to send back: a status and a JSON body. Failures become {@code {"error": {"code", "type", "message", ...}}},
 * never a stack trace.
 *
 * @param status the HTTP status
 * @param body   the JSON body
 * @param source    how the body was obtained, for the {@code X-Llmock-Source} header and the request log
 * @param cacheable whether a replay may reuse it ({@code $cache} variants, errors and simulations may not)
 */
public record Answer(int status, JsonNode body, Source source, boolean cacheable) {
    private static final System.Logger LOG = System.getLogger("dev.llmock.wiremock");

    /** How an answer's body was obtained; {@code CONTEXT}: from an API context's state, with no generation. */
    public enum Source {
        GENERATED, REPLAYED, CACHED, SIMULATED, ERROR, CONTEXT;

        /** As written in the {@code X-Llmock-Source} header: {@code generated}, {@code replayed}, ... */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the answer stands for a failure, whose status replaces the stub's. */
        boolean failure() {
            return this == SIMULATED || this == ERROR;
        }

        public static Source of(Provenance.Source source) {
            switch (source) {
                case REPLAYED:
                    return REPLAYED;
                case CACHED:
                    return CACHED;
                default:
                    return GENERATED;
            }
        }
    }

    /** A 200 with the fixture, marked by where it came from. */
    public static Answer of(Fixture fixture) {
        return new Answer(200, fixture.json(), Source.of(fixture.provenance().source()), true);
    }

    /** A simulated failure: like an error, but marked as asked for. */
    Answer simulated() {
        return new Answer(status, body, Source.SIMULATED, false);
    }

    /** The same answer, marked as one that must be made anew for every request ({@code $cache} rotation). */
    Answer notCacheable() {
        return new Answer(status, body, source, false);
    }

    /** A JSON error with {@code details} merged into the {@code error} object. */
    static Answer error(int status, String type, String message, ObjectNode details) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", status);
        error.put("type", type);
        error.put("message", message);
        if (details != null) {
            error.setAll(details);
        }
        return new Answer(status, body, Source.ERROR, false);
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

package dev.llmock.wiremock.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.llmock.internal.Json;
import dev.llmock.wiremock.internal.sse.SseBody;
import dev.llmock.wiremock.internal.sse.SseEvents;
import dev.llmock.wiremock.internal.sse.SseMode;
import java.util.List;
import java.util.Locale;

/**
 * A mock API answer as server-sent events: asked for by the path {@code <prefix>/stream/...} or the header
 * {@code Accept: text/event-stream}. The JSON is the one the same request without {@code /stream} gets (one cassette
 * entry for both), cut into events by {@code ?sseMode=} and written one flushed chunk per event, with
 * {@code ?chunkDelayMs=} between them. A failure is its status and one event holding the JSON error.
 */
record SseAnswer(SseMode mode, int delayMs) {
    /** For failures found before the stream's own parameters are read. */
    static final SseAnswer DEFAULT = new SseAnswer(SseMode.LLM_TOKENS, 0);

    static final String MODE_PARAMETER = "sseMode";
    static final String DELAY_PARAMETER = "chunkDelayMs";
    static final String STREAM_SEGMENT = "/stream";
    static final String EVENT_STREAM = "text/event-stream";
    /** The longest delay between two events, in milliseconds: {@value}. */
    static final int MAX_DELAY_MS = 5_000;
    /** The longest a stream's delays may add up to, in milliseconds: {@value}. */
    static final int MAX_TOTAL_DELAY_MS = 60_000;

    /** Whether the request, with its {@link RequestPath#clean clean} path, asks for a stream. */
    static boolean wanted(String prefix, String path, String accept) {
        return path.equals(prefix + STREAM_SEGMENT) || path.startsWith(prefix + STREAM_SEGMENT + "/")
                || accept != null && accept.toLowerCase(Locale.ROOT).contains(EVENT_STREAM);
    }

    /** The URL the JSON is made for: {@code /api/mock/stream/users?x} gives {@code /api/mock/users?x}. */
    static String unstreamed(String prefix, String url) {
        String streamPrefix = prefix + STREAM_SEGMENT;
        if (url.startsWith(streamPrefix + "/") || url.startsWith(streamPrefix + "?") || url.equals(streamPrefix)) {
            return prefix + url.substring(streamPrefix.length());
        }
        return url;
    }

    /**
     * The stream's mode and delay from {@code ?sseMode=} and {@code ?chunkDelayMs=}.
     *
     * @throws BadRequest when either is not usable
     */
    static SseAnswer of(String url) {
        try {
            return new SseAnswer(SseMode.parse(HttpFacts.queryValue(url, MODE_PARAMETER)),
                    delay(HttpFacts.queryValue(url, DELAY_PARAMETER)));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "invalid_sse_mode", e.getMessage());
        }
    }

    /** The stream of {@code answer}; a failure streams as its status and one event holding its JSON error. */
    ResponseDefinition respond(Answer answer, ResponseDefinition base) {
        List<String> events = answer.source().failure() ? List.of(Json.compact(answer.body()))
                : SseEvents.of(answer.body(), mode);
        SseBody body = SseBody.of(events);
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(base)
                .withStatus(answer.source().failure() ? answer.status() : base.getStatus())
                .withHeaders(new HttpHeaders(new HttpHeader("Content-Type", EVENT_STREAM),
                        new HttpHeader("Cache-Control", "no-cache"),
                        new HttpHeader(Responses.SOURCE_HEADER, answer.source().id())))
                .withBody(body.bytes());
        if (body.eventCount() > 1) {
            response.withChunkedDribbleDelay(body.eventCount(),
                    Math.min(MAX_TOTAL_DELAY_MS, delayMs * body.eventCount()));
        }
        return response.build();
    }

    private static int delay(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0 && value <= MAX_DELAY_MS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest(400, "invalid_chunk_delay", Messages.badChunkDelay(text, MAX_DELAY_MS));
    }
}

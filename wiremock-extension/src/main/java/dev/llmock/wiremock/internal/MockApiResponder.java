package dev.llmock.wiremock.internal;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.llmock.wiremock.LlmockWireMock;

/** Answers the catch-all stub of the mock API through {@link MockApiHandler}, from the replay cache where it can. */
public final class MockApiResponder {
    private final EngineHandle engine;
    private final MockApiHandler handler;
    private final ReplayedResponses replayed = new ReplayedResponses();

    /** @param prefix the path the mock API lives under, e.g. {@code /api/mock} */
    public MockApiResponder(String prefix, EngineHandle engine) {
        this.engine = engine;
        this.handler = new MockApiHandler(prefix, engine.maxBodyBytes(), engine.generate(), engine.config());
    }

    public ResponseDefinition respond(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        return replayed.get(replayKey(request), () -> handler.handle(request.getMethod().getName(), request.getUrl(),
                request::getHeader, request.getBody(), request.getHeader("Content-Type"),
                engine.labelFor().apply(request.getHeader(LlmockWireMock.TEST_HEADER))),
                answer -> Responses.of(answer, serveEvent.getResponseDefinition()));
    }

    /** The method, URL and the control headers steer the answer besides the body; null when not replaying. */
    private String replayKey(Request request) {
        if (!engine.replaying().getAsBoolean()) {
            return null;
        }
        StringBuilder key = new StringBuilder(request.getMethod().getName()).append(' ').append(request.getUrl());
        for (String header : new String[] {"Content-Type", MockApiHandler.SHAPE_HEADER, MockApiHandler.BACKEND_HEADER,
                MockApiHandler.ERROR_CODE_HEADER, MockApiHandler.ERROR_MESSAGE_HEADER}) {
            key.append('\n').append(request.getHeader(header));
        }
        return ReplayedResponses.key(key.toString(), request.getBody());
    }
}

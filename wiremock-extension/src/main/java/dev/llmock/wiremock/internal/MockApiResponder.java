package dev.llmock.wiremock.internal;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.llmock.wiremock.LlmockWireMock;

/**
 * Answers the catch-all stubs of the mock API through {@link MockApiHandler}, from the replay cache where it can;
 * routes the context management API ({@link ContextRoutes}), GraphQL ({@link GraphQlEndpoint}) and streams
 * ({@link SseAnswer}) on the way.
 */
public final class MockApiResponder {
    private final String prefix;
    private final EngineHandle engine;
    private final MockApiHandler handler;
    private final ContextRoutes contextRoutes;
    private final GraphQlEndpoint graphQl;
    private final ReplayedResponses replayed = new ReplayedResponses();

    /** @param prefix the path the mock API lives under, e.g. {@code /api/mock} */
    public MockApiResponder(String prefix, EngineHandle engine, ApiFeatures features) {
        this.prefix = prefix;
        this.engine = engine;
        ContextBinding contexts = new ContextBinding(features.contexts(), features.defaultContext());
        this.handler = new MockApiHandler(prefix, engine.maxBodyBytes(), engine.generate(), engine.config(), contexts);
        this.contextRoutes = new ContextRoutes(features.contexts());
        this.graphQl = new GraphQlEndpoint(engine, contexts, features.graphQlSchema());
    }

    public ResponseDefinition respond(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        ResponseDefinition base = serveEvent.getResponseDefinition();
        String url = request.getUrl();
        String path = RequestPath.clean(url); // once: the routes below compare it, none parses the URL again
        if (ContextRoutes.matches(path)) {
            return Responses.of(contextRoutes.respond(request.getMethod().getName(), url), base);
        }
        if (GraphQlEndpoint.matches(prefix, path)) {
            return graphQl.respond(request, base);
        }
        if (SseAnswer.wanted(prefix, path, request.getHeader("Accept"))) {
            return stream(request, url, base);
        }
        return replayed.get(replayKey(request), () -> answer(request, url), answer -> Responses.of(answer, base));
    }

    private ResponseDefinition stream(Request request, String url, ResponseDefinition base) {
        SseAnswer sse;
        try {
            sse = SseAnswer.of(url);
        } catch (BadRequest e) {
            return SseAnswer.DEFAULT.respond(Answer.of(e), base);
        }
        return sse.respond(answer(request, SseAnswer.unstreamed(prefix, url)), base);
    }

    private Answer answer(Request request, String url) {
        return handler.handle(request.getMethod().getName(), url, request::getHeader, request.getBody(),
                request.getHeader("Content-Type"), engine.labelFor().apply(request.getHeader(LlmockWireMock.TEST_HEADER)));
    }

    /** The method, URL and the control headers steer the answer besides the body; null when not replaying. */
    private String replayKey(Request request) {
        if (!engine.replaying().getAsBoolean()) {
            return null;
        }
        StringBuilder key = new StringBuilder(request.getMethod().getName()).append(' ').append(request.getUrl());
        for (String header : new String[] {"Content-Type", MockApiHandler.SHAPE_HEADER, MockApiHandler.BACKEND_HEADER,
                MockApiHandler.ERROR_CODE_HEADER, MockApiHandler.ERROR_MESSAGE_HEADER, ContextBinding.HEADER}) {
            key.append('\n').append(request.getHeader(header));
        }
        return ReplayedResponses.key(key.toString(), request.getBody());
    }
}

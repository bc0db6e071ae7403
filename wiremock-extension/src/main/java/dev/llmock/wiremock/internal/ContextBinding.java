package dev.llmock.wiremock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.wiremock.internal.context.ContextState;
import dev.llmock.wiremock.internal.context.ContextStore;
import dev.llmock.wiremock.internal.context.Messages;
import dev.llmock.wiremock.internal.context.Nouns;
import dev.llmock.wiremock.internal.context.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * Ties mock API requests to their API context, by LLMockApi's conventions: {@code ?context=} (or
 * {@code ?api-context=}), else the header {@code X-Api-Context}, else a JSON body's {@code apiContext} (or text
 * {@code context}) field, else the server's default context. Answers from the context's state where it can, and
 * takes generated answers into it.
 */
final class ContextBinding {
    static final String QUERY_PARAMETER = "context";
    static final String QUERY_PARAMETER_ALIAS = "api-context";
    static final String HEADER = "X-Api-Context";
    static final String BODY_FIELD = "apiContext";
    static final String BODY_FIELD_ALIAS = "context";

    private final ContextStore store;
    private final String defaultName;

    /** @param defaultName the context of requests that name none, or null for none */
    ContextBinding(ContextStore store, String defaultName) {
        this.store = store;
        this.defaultName = defaultName;
    }

    /**
     * The context the request belongs to, or null; a body field naming it is removed from {@code body}.
     *
     * @throws BadRequest when the name is not usable
     */
    ContextState of(String url, UnaryOperator<String> headers, JsonNode body) {
        String name = HttpFacts.queryValue(url, QUERY_PARAMETER);
        if (isBlank(name)) {
            name = HttpFacts.queryValue(url, QUERY_PARAMETER_ALIAS);
        }
        if (isBlank(name)) {
            name = headers.apply(HEADER);
        }
        if (body != null && body.isObject()) {
            for (String field : new String[] {BODY_FIELD, BODY_FIELD_ALIAS}) {
                JsonNode value = body.get(field);
                if (value != null && value.isTextual()) {
                    ((ObjectNode) body).remove(field);
                    name = isBlank(name) ? value.asText() : name;
                }
            }
        }
        if (isBlank(name)) {
            name = defaultName;
        }
        if (name == null) {
            return null;
        }
        try {
            return store.stateOf(name.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "invalid_context", e.getMessage());
        }
    }

    /** What the request is about: the collection and, on an item path, the id. */
    static Target target(RequestPath path, String url, Set<String> controlParameters) {
        String concrete = RequestPath.clean(url);
        List<String> segments = List.of(concrete.substring(1).split("/"));
        Map<String, List<String>> query = HttpFacts.parseQuery(HttpFacts.queryOf(url));
        controlParameters.forEach(query::remove);
        StringJoiner canonical = new StringJoiner("&");
        query.forEach((name, values) -> values.forEach(value -> canonical.add(name + "=" + value)));
        if (path.collection() || segments.size() < 2) {
            String last = segments.get(segments.size() - 1);
            return new Target(concrete, Nouns.singular(last.isEmpty() ? "item" : last), null, canonical.toString());
        }
        String collection = concrete.substring(0, concrete.lastIndexOf('/'));
        return new Target(collection, Nouns.singular(segments.get(segments.size() - 2)),
                segments.get(segments.size() - 1), canonical.toString());
    }

    /**
     * The answer the context's state gives without generating, or null to generate.
     *
     * @throws BadRequest 404 when the request is for an entity deleted in the context
     */
    static Answer fromState(ContextState context, String method, Target target, JsonNode body, String path) {
        if (context.deleted(target) && !"PUT".equalsIgnoreCase(method) && !"POST".equalsIgnoreCase(method)) {
            throw new BadRequest(404, "not_found", Messages.deletedEntity(
                    target.collection() + "/" + target.id(), context.name()));
        }
        JsonNode known = context.answer(method, target, body);
        if (known == null) {
            return null;
        }
        context.called(method, path, body, known);
        return new Answer(200, known, Answer.Source.CONTEXT, false);
    }

    /** Takes a generated answer into the context; what to send back, never reused by a replay cache. */
    static Answer answered(ContextState context, String method, Target target, JsonNode body, String path,
                           Fixture fixture) {
        JsonNode sent = context.answered(method, target, fixture.json());
        context.called(method, path, body, sent);
        return new Answer(200, sent, Answer.Source.of(fixture.provenance().source()), false);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

package dev.llmock.wiremock.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import dev.llmock.wiremock.internal.context.ContextState;
import dev.llmock.wiremock.internal.context.ContextStore;
import dev.llmock.wiremock.internal.context.Messages;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The management API of API contexts, on LLMockApi's routes: {@code GET /api/contexts} lists them,
 * {@code GET /api/contexts/{name}} shows one (recent calls and entities), {@code DELETE /api/contexts/{name}} removes
 * one, {@code POST /api/contexts/{name}/clear} empties one, {@code DELETE /api/contexts} removes all.
 */
final class ContextRoutes {
    /** Where the management API lives: {@value}. */
    static final String PREFIX = "/api/contexts";

    private final ContextStore store;

    ContextRoutes(ContextStore store) {
        this.store = store;
    }

    /** Whether {@code path} (a request's {@link RequestPath#clean clean} path) is a management route. */
    static boolean matches(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    Answer respond(String method, String url) {
        String path = RequestPath.clean(url);
        String rest = path.substring(PREFIX.length());
        String verb = method.toUpperCase(Locale.ROOT);
        if (rest.isEmpty()) {
            if (verb.equals("GET")) {
                return ok(list());
            }
            if (verb.equals("DELETE")) {
                ObjectNode body = Json.MAPPER.createObjectNode();
                body.put("message", "All API contexts cleared successfully");
                body.put("clearedCount", store.clear());
                return ok(body);
            }
            return noRoute(verb, path);
        }
        String[] parts = rest.substring(1).split("/");
        String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        if (parts.length > 2 || parts.length == 2 && !(parts[1].equals("clear") && verb.equals("POST"))) {
            return noRoute(verb, path);
        }
        Optional<ContextState> context = store.find(name);
        if (context.isEmpty()) {
            return unknown(name);
        }
        if (parts.length == 2) {
            context.get().clear();
            return ok(message("Context '" + name + "' cleared successfully", name));
        }
        if (verb.equals("GET")) {
            return ok(context.get().details());
        }
        if (verb.equals("DELETE")) {
            store.remove(name);
            return ok(message("Context '" + name + "' deleted successfully", name));
        }
        return noRoute(verb, path);
    }

    private ObjectNode list() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode contexts = body.putArray("contexts");
        List<ContextState> all = store.all();
        all.forEach(context -> contexts.add(context.summary()));
        body.put("count", all.size());
        return body;
    }

    private Answer unknown(String name) {
        List<String> known = store.all().stream().map(ContextState::name).collect(Collectors.toList());
        ObjectNode details = Json.MAPPER.createObjectNode();
        ArrayNode available = details.putArray("availableContexts");
        known.forEach(available::add);
        return Answer.error(404, "unknown_context", Messages.unknownContext(name, known), details);
    }

    private static Answer noRoute(String method, String path) {
        return Answer.error(405, "no_route", Messages.noRoute(method, path), null);
    }

    private static ObjectNode message(String text, String name) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("message", text);
        body.put("contextName", name);
        return body;
    }

    private static Answer ok(ObjectNode body) {
        return new Answer(200, body, Answer.Source.CONTEXT, false);
    }
}

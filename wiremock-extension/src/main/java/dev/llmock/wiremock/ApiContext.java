package dev.llmock.wiremock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import dev.llmock.wiremock.internal.context.ContextState;
import dev.llmock.wiremock.internal.context.ContextStore;
import dev.llmock.wiremock.internal.context.Messages;
import dev.llmock.wiremock.internal.context.Nouns;
import dev.llmock.wiremock.internal.context.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One API context of the mock API, seen from a test: the world that requests naming it ({@code ?context=name}, the
 * header {@code X-Api-Context}, or the extension's default context) share. Put a test's own entities in, and the mock
 * API answers with them: {@code GET /api/mock/customers/7} returns the customer put under {@code /customers} with id 7,
 * lists of {@code /customers} include it, and generated records refer to it ({@code customerId}).
 *
 * <pre>{@code
 * api.context().put("/customers", customer);   // a @Generated Customer, say
 * }</pre>
 *
 * @since 0.2.0
 */
public final class ApiContext {
    private final ContextStore store;
    private final String name;

    ApiContext(ContextStore store, String name) {
        this.store = store;
        this.name = Objects.requireNonNull(name, "name");
    }

    /** {@return the context's name} */
    public String name() {
        return name;
    }

    /**
     * Puts {@code entity} (a record, a bean, a map or a {@link JsonNode}) into the collection at {@code collection}
     * (the path under {@value LlmockMockApi#PATH_PREFIX}, e.g. {@code /customers}), under its {@code id} field (or
     * {@code <noun>Id}, e.g. {@code customerId}).
     *
     * @param collection the collection's path, such as {@code /customers}
     * @param entity the entity, with an id
     * @return this context
     * @throws IllegalArgumentException when the entity is not an object or has no id
     */
    public ApiContext put(String collection, Object entity) {
        String path = normalized(collection);
        JsonNode json = entity instanceof JsonNode ? (JsonNode) entity : Json.MAPPER.valueToTree(entity);
        String noun = Nouns.singular(path.substring(path.lastIndexOf('/') + 1));
        if (!json.isObject() || !store.stateOf(name).remember(new Target(path, noun, null, ""), (ObjectNode) json)) {
            throw new IllegalArgumentException(Messages.entityWithoutId(path, noun));
        }
        return this;
    }

    /**
     * The entities the context knows in {@code collection}, the most recently touched last.
     *
     * @param collection the collection's path, such as {@code /customers}
     * @return copies of the entities; empty when the collection holds none
     */
    public List<JsonNode> entities(String collection) {
        List<JsonNode> result = new ArrayList<>();
        store.find(name).ifPresent(state -> state.list(normalized(collection)).forEach(result::add));
        return result;
    }

    /** Forgets everything the context knows. */
    public void clear() {
        store.find(name).ifPresent(ContextState::clear);
    }

    private static String normalized(String collection) {
        String path = collection.startsWith("/") ? collection : "/" + collection;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    @Override
    public String toString() {
        return "ApiContext[" + name + "]";
    }
}

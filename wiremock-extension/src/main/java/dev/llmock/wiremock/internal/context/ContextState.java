package dev.llmock.wiremock.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One API context: the entities its requests created or were answered with, by collection and id, and its recent
 * calls. What state can answer mechanically it answers (a GET of a known id, a PATCH of one, a list already given),
 * the rest is generated with {@link #hints()} in the request, so the state is part of the cassette key and a
 * replayed sequence of requests rebuilds the same state. Bounded: at most {@code maxEntities} entities, the least
 * recently touched dropped first. Thread-safe.
 */
// Longer than 350 lines because each way state answers (item, list, update, delete, create) is kept beside the others.
public final class ContextState {
    /** Recent calls kept for the management API, as LLMockApi keeps them: {@value}. */
    static final int RECENT_CALLS = 15;
    /** Entities of one noun given to the backend as hints, the most recent first: {@value}. */
    static final int HINTED_PER_NOUN = 5;
    /** Entities given as hints in all: {@value}. */
    static final int HINTED_TOTAL = 20;
    /** Scalar fields of one entity given as hints: {@value}. */
    static final int HINTED_FIELDS = 12;

    private record Key(String collection, String id) {
    }

    private record Entity(String noun, ObjectNode json) {
    }

    private final String name;
    private final int maxEntities;
    private final Clock clock;
    private final Instant createdAt;
    private Instant lastUsedAt;
    private long totalCalls;
    private final Deque<ObjectNode> recentCalls = new ArrayDeque<>();
    private final Map<Key, Entity> entities;
    private final Set<Key> deleted;
    private final Set<String> listed;

    ContextState(String name, int maxEntities, Clock clock) {
        this.name = name;
        this.maxEntities = maxEntities;
        this.clock = clock;
        this.createdAt = clock.instant();
        this.lastUsedAt = createdAt;
        this.entities = bounded(maxEntities);
        this.deleted = Collections.newSetFromMap(bounded(maxEntities));
        this.listed = Collections.newSetFromMap(bounded(maxEntities));
    }

    private static <K, V> Map<K, V> bounded(int max) {
        return new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    public String name() {
        return name;
    }

    /** Whether the entity {@code target} names was deleted in this context (and not created again). */
    public synchronized boolean deleted(Target target) {
        return !target.isCollection() && deleted.contains(new Key(target.collection(), target.id()));
    }

    /**
     * The answer the state gives without generating, or null: a GET of a known entity or of a collection already
     * listed, a PUT or PATCH of a known entity (the body laid over it), a DELETE of one (which removes it).
     */
    public synchronized JsonNode answer(String method, Target target, JsonNode body) {
        String verb = method.toUpperCase(Locale.ROOT);
        if (target.isCollection()) {
            if (verb.equals("GET") && listed.contains(listKey(target))) {
                return list(target.collection());
            }
            return null;
        }
        Key key = new Key(target.collection(), target.id());
        Entity known = entities.get(key);
        if (known == null) {
            return null;
        }
        switch (verb) {
            case "GET":
                touch(key, known);
                return known.json().deepCopy();
            case "PUT":
            case "PATCH":
                ObjectNode changed = known.json().deepCopy();
                if (body != null && body.isObject()) {
                    merge(changed, (ObjectNode) body);
                }
                touch(key, new Entity(known.noun(), changed));
                return changed.deepCopy();
            case "DELETE":
                entities.remove(key);
                deleted.add(key);
                return known.json().deepCopy();
            default:
                return null;
        }
    }

    /**
     * Takes in a generated answer: entities it holds are remembered, a first plain list gets the entities already
     * known in its collection in front. Returns what to send, which may be the answer itself.
     */
    public synchronized JsonNode answered(String method, Target target, JsonNode answer) {
        String verb = method.toUpperCase(Locale.ROOT);
        if (!target.isCollection()) {
            Key key = new Key(target.collection(), target.id());
            if (verb.equals("DELETE")) {
                entities.remove(key);
                deleted.add(key);
            } else if (answer.isObject()) {
                deleted.remove(key);
                touch(key, new Entity(target.noun(), (ObjectNode) answer.deepCopy()));
            }
            return answer;
        }
        if (verb.equals("POST") && answer.isObject()) {
            ObjectNode created = withFreshId((ObjectNode) answer.deepCopy(), target);
            remember(target, created);
            return created;
        }
        if (verb.equals("GET") && answer.isArray()) {
            return mergedList(target, answer);
        }
        return answer;
    }

    /**
     * A generated list with the collection's known entities in it: a generated item whose id is known gives way to
     * the known entity, and (for a list asked for without a query) known entities it lacks come first.
     */
    private ArrayNode mergedList(Target target, JsonNode answer) {
        ArrayNode merged = Json.MAPPER.createArrayNode();
        Set<String> generatedIds = new LinkedHashSet<>();
        for (JsonNode item : answer) {
            String id = idOf(item, target.noun());
            if (id != null) {
                generatedIds.add(id);
            }
        }
        if (target.query().isEmpty()) {
            for (JsonNode known : list(target.collection())) {
                if (!generatedIds.contains(idOf(known, target.noun()))) {
                    merged.add(known);
                }
            }
        }
        for (JsonNode item : answer) {
            Entity known = entities.get(new Key(target.collection(), idOf(item, target.noun())));
            if (known != null) {
                merged.add(known.json().deepCopy());
            } else {
                merged.add(item);
                if (item.isObject()) {
                    remember(target, (ObjectNode) item);
                }
            }
        }
        listed.add(listKey(target));
        return merged;
    }

    /**
     * The created entity with an id no known entity of its collection has (a generator may well answer
     * {@code "id": 1} every time): a whole number one above the largest known, or text with a {@code -2}, ... suffix.
     */
    private ObjectNode withFreshId(ObjectNode created, Target target) {
        String id = idOf(created, target.noun());
        if (id == null || !entities.containsKey(new Key(target.collection(), id))) {
            return created;
        }
        String field = created.hasNonNull("id") ? "id" : target.noun() + "Id";
        if (created.get(field).isIntegralNumber()) {
            long largest = 0;
            for (Key key : entities.keySet()) {
                if (key.collection().equals(target.collection())) {
                    try {
                        largest = Math.max(largest, Long.parseLong(key.id()));
                    } catch (NumberFormatException e) {
                        // a textual id among whole numbers does not take part
                    }
                }
            }
            created.put(field, largest + 1);
            return created;
        }
        for (int n = 2; ; n++) {
            if (!entities.containsKey(new Key(target.collection(), id + "-" + n))) {
                created.put(field, id + "-" + n);
                return created;
            }
        }
    }

    /** Remembers {@code entity} in {@code target}'s collection under its id; false when it has none. */
    public synchronized boolean remember(Target target, ObjectNode entity) {
        String id = idOf(entity, target.noun());
        if (id == null) {
            return false;
        }
        Key key = new Key(target.collection(), id);
        deleted.remove(key);
        touch(key, new Entity(target.noun(), entity.deepCopy()));
        return true;
    }

    /** The entities of a collection, in the order they were last touched. */
    public synchronized ArrayNode list(String collection) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        entities.forEach((key, entity) -> {
            if (key.collection().equals(collection)) {
                array.add(entity.json().deepCopy());
            }
        });
        return array;
    }

    /** Notes a call for the management API. */
    public synchronized void called(String method, String path, JsonNode requestBody, JsonNode responseBody) {
        totalCalls++;
        lastUsedAt = clock.instant();
        ObjectNode call = Json.MAPPER.createObjectNode();
        call.put("method", method.toUpperCase(Locale.ROOT));
        call.put("path", path);
        if (requestBody != null) {
            call.put("requestBody", Json.compact(requestBody));
        }
        call.put("responseBody", responseBody == null ? "" : Json.compact(responseBody));
        call.put("timestamp", lastUsedAt.toString());
        recentCalls.addLast(call);
        while (recentCalls.size() > RECENT_CALLS) {
            recentCalls.removeFirst();
        }
    }

    /**
     * What the backend is told of this context, and what keys the request: its name and its most recently touched
     * entities by noun, each with its scalar fields ({@code {"name":"shop","known":{"customer":[{"id":7,...}]}}}).
     */
    public synchronized ObjectNode hints() {
        ObjectNode hints = Json.MAPPER.createObjectNode();
        hints.put("name", name);
        List<Entity> recentFirst = new ArrayList<>(entities.values());
        Collections.reverse(recentFirst);
        ObjectNode known = Json.MAPPER.createObjectNode();
        int total = 0;
        for (Entity entity : recentFirst) {
            ArrayNode ofNoun = known.has(entity.noun()) ? (ArrayNode) known.get(entity.noun())
                    : known.putArray(entity.noun());
            if (ofNoun.size() < HINTED_PER_NOUN && total < HINTED_TOTAL) {
                ofNoun.add(scalars(entity.json()));
                total++;
            }
        }
        if (known.size() > 0) {
            hints.set("known", known);
        }
        return hints;
    }

    /** Forgets every entity and call, keeping the context. */
    public synchronized void clear() {
        entities.clear();
        deleted.clear();
        listed.clear();
        recentCalls.clear();
        totalCalls = 0;
    }

    /** The summary LLMockApi's {@code GET /api/contexts} lists, with llmock's entity count. */
    public synchronized ObjectNode summary() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("name", name);
        json.put("totalCalls", totalCalls);
        json.put("recentCallCount", recentCalls.size());
        json.put("entityCount", entities.size());
        json.put("createdAt", createdAt.toString());
        json.put("lastUsedAt", lastUsedAt.toString());
        return json;
    }

    /** The details of {@code GET /api/contexts/{name}}: the summary, the recent calls and the entities. */
    public synchronized ObjectNode details() {
        ObjectNode json = summary();
        ArrayNode calls = json.putArray("recentCalls");
        recentCalls.forEach(call -> calls.add(call.deepCopy()));
        ObjectNode byCollection = json.putObject("entities");
        entities.forEach((key, entity) -> {
            ArrayNode array = byCollection.has(key.collection()) ? (ArrayNode) byCollection.get(key.collection())
                    : byCollection.putArray(key.collection());
            array.add(entity.json().deepCopy());
        });
        json.put("maxEntities", maxEntities);
        return json;
    }

    /** The identifier of an entity: its {@code id} field, else {@code <noun>Id}; null when it has neither. */
    static String idOf(JsonNode entity, String noun) {
        if (entity == null || !entity.isObject()) {
            return null;
        }
        JsonNode id = entity.get("id");
        if (id == null || !id.isValueNode() || id.isNull()) {
            id = entity.get(noun + "Id");
        }
        return id == null || !id.isValueNode() || id.isNull() ? null : id.asText();
    }

    private void touch(Key key, Entity entity) {
        entities.remove(key);
        entities.put(key, entity);
        lastUsedAt = clock.instant();
    }

    private static String listKey(Target target) {
        return target.collection() + "?" + target.query();
    }

    private static void merge(ObjectNode target, ObjectNode changes) {
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> change = it.next();
            JsonNode current = target.get(change.getKey());
            if (current != null && current.isObject() && change.getValue().isObject()) {
                merge((ObjectNode) current, (ObjectNode) change.getValue());
            } else {
                target.set(change.getKey(), change.getValue().deepCopy());
            }
        }
    }

    private static ObjectNode scalars(ObjectNode entity) {
        ObjectNode compact = Json.MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = entity.fields(); it.hasNext() && compact.size() < HINTED_FIELDS; ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isValueNode()) {
                compact.set(field.getKey(), field.getValue());
            }
        }
        return compact;
    }
}

package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a cassette's entries by their request without its shape, so that a request new to the file finds the
 * entries it could grow from ({@link IncrementalRecording}) without a pass over every entry: with a pass per miss,
 * recording N entries took time quadratic in N. Keyed by a hash equal nodes share ({@link JsonNode#hashCode}), so
 * the caller checks each candidate. Not thread-safe: {@link CassetteEntries} guards it.
 */
final class RequestsOutsideShape {
    private final Map<Integer, Set<String>> keysByHash = new HashMap<>();

    void add(String key, JsonNode entry) {
        keysByHash.computeIfAbsent(hash(entry.get("request")), h -> new HashSet<>()).add(key);
    }

    void remove(String key, JsonNode entry) {
        int hash = hash(entry.get("request"));
        Set<String> keys = keysByHash.get(hash);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            keysByHash.remove(hash);
        }
    }

    /** The keys whose request may equal {@code request} outside the shape: a superset of those that do. */
    List<String> candidates(JsonNode request) {
        return List.copyOf(keysByHash.getOrDefault(hash(request), Set.of()));
    }

    /** The hash of the request's fields but {@code shape}, as {@code ObjectNode.hashCode} would give without it. */
    static int hash(JsonNode request) {
        if (request == null || !request.isObject()) {
            return 0;
        }
        int hash = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("shape")) {
                hash += field.getKey().hashCode() ^ field.getValue().hashCode();
            }
        }
        return hash;
    }
}

package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incremental re-recording: recognises a shape that only gained properties, and lays recorded values over fresh
 * data so that only the new fields change.
 */
final class ShapeGrowth {
    private ShapeGrowth() {
    }

    /**
     * The JSON Pointers, sorted, of the properties {@code wider} adds to {@code narrower} ({@code *} for array items), or
     * null when the schemas differ in any other way (or not at all).
     */
    static List<String> addedFields(JsonNode narrower, JsonNode wider) {
        List<String> added = new ArrayList<>();
        if (!grows(narrower, wider, "", added) || added.isEmpty()) {
            return null;
        }
        added.sort(null);
        return added;
    }

    private static boolean grows(JsonNode old, JsonNode now, String path, List<String> added) {
        if (old.equals(now)) {
            return true;
        }
        if (!old.isObject() || !now.isObject()) {
            return false;
        }
        Set<String> names = new HashSet<>();
        old.fieldNames().forEachRemaining(names::add);
        now.fieldNames().forEachRemaining(names::add);
        List<String> newNames = new ArrayList<>();
        for (String name : names) {
            JsonNode left = old.get(name);
            JsonNode right = now.get(name);
            if (left == null || right == null) {
                return false;
            }
            if (name.equals("properties")) {
                Iterator<Map.Entry<String, JsonNode>> properties = right.fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    JsonNode before = left.get(property.getKey());
                    String at = path + "/" + property.getKey();
                    if (before == null) {
                        added.add(at);
                        newNames.add(property.getKey());
                    } else if (!grows(before, property.getValue(), at, added)) {
                        return false;
                    }
                }
                Iterator<String> oldNames = left.fieldNames();
                while (oldNames.hasNext()) {
                    if (!right.has(oldNames.next())) {
                        return false;
                    }
                }
            } else if (name.equals("items")) {
                if (!grows(left, right, path + "/*", added)) {
                    return false;
                }
            } else if (!name.equals("required") && !left.equals(right)) {
                return false;
            }
        }
        return requiredGrowsOnlyBy(old.get("required"), now.get("required"), newNames);
    }

    private static boolean requiredGrowsOnlyBy(JsonNode old, JsonNode now, List<String> newNames) {
        if (old == null || now == null) {
            return old == now;
        }
        Set<String> before = new HashSet<>();
        old.forEach(name -> before.add(name.asText()));
        Set<String> after = new HashSet<>();
        now.forEach(name -> after.add(name.asText()));
        Set<String> extra = new HashSet<>(after);
        extra.removeAll(before);
        return after.containsAll(before) && newNames.containsAll(extra);
    }

    /**
     * {@code fresh} with every value {@code recorded} has laid over it: objects field by field, arrays item by item
     * (items beyond the fresh array's length are taken as recorded). The result may not fit the new shape (a recorded
     * array item lacks the new fields); the caller validates it.
     */
    static JsonNode overlay(JsonNode recorded, JsonNode fresh) {
        if (recorded.isObject() && fresh.isObject()) {
            ObjectNode result = ((ObjectNode) fresh).deepCopy();
            recorded.fields().forEachRemaining(field -> {
                JsonNode now = result.get(field.getKey());
                result.set(field.getKey(), now == null ? field.getValue().deepCopy() : overlay(field.getValue(), now));
            });
            return result;
        }
        if (recorded.isArray() && fresh.isArray()) {
            ArrayNode result = ((ArrayNode) fresh).arrayNode();
            for (int i = 0; i < recorded.size(); i++) {
                result.add(i < fresh.size() ? overlay(recorded.get(i), fresh.get(i)) : recorded.get(i).deepCopy());
            }
            return result;
        }
        return recorded.deepCopy();
    }
}

package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.cassette.CassetteReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How re-recorded data differs from what was recorded before: in structure (fields added, removed, changed type;
 * array items are merged under {@code *}) or only in values (concrete JSON Pointers). A field that is null on one side
 * counts as a value change, since nullable fields come and go between generations.
 */
final class DriftDetector {
    private DriftDetector() {
    }

    /** The drift, or null when the data is equal. */
    static CassetteReport.Drift compare(CassetteReport.Entry entry, JsonNode before, JsonNode after) {
        if (before.equals(after)) {
            return null;
        }
        Map<String, String> oldTypes = new TreeMap<>();
        Map<String, String> newTypes = new TreeMap<>();
        structure(before, "", oldTypes);
        structure(after, "", newTypes);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> typeChanged = new ArrayList<>();
        newTypes.forEach((path, type) -> {
            String old = oldTypes.get(path);
            if (old == null) {
                added.add(path);
            } else if (!old.equals(type) && !old.equals("null") && !type.equals("null")) {
                typeChanged.add(display(path) + ": " + old + " -> " + type);
            }
        });
        oldTypes.keySet().stream().filter(path -> !newTypes.containsKey(path)).forEach(removed::add);
        List<String> values = new ArrayList<>();
        values(before, after, "", values);
        return new CassetteReport.Drift(entry, topmost(added), topmost(removed), typeChanged, values);
    }

    private static void structure(JsonNode node, String path, Map<String, String> types) {
        if (!path.isEmpty()) {
            types.merge(path, type(node), (a, b) -> a.equals("null") ? b : a);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> structure(field.getValue(), path + "/" + field.getKey(), types));
        } else if (node.isArray()) {
            node.forEach(item -> structure(item, path + "/*", types));
        }
    }

    private static void values(JsonNode before, JsonNode after, String path, List<String> out) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            before.fields().forEachRemaining(field -> {
                JsonNode other = after.get(field.getKey());
                if (other != null) {
                    values(field.getValue(), other, path + "/" + field.getKey(), out);
                }
            });
        } else if (before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                values(before.get(i), after.get(i), path + "/" + i, out);
            }
        } else if (type(before).equals(type(after)) || before.isContainerNode() && after.isContainerNode()
                || before.isNull() || after.isNull()) {
            out.add(display(path));
        }
    }

    /** Only the outermost of nested paths: a new {@code /address} object, not also {@code /address/city}. */
    private static List<String> topmost(List<String> paths) {
        List<String> result = new ArrayList<>();
        for (String path : paths) {
            if (result.stream().noneMatch(outer -> path.startsWith(outer + "/"))) {
                result.add(display(path));
            }
        }
        return result;
    }

    private static String display(String path) {
        return path.isEmpty() ? "(root)" : path;
    }

    private static String type(JsonNode node) {
        if (node.isNumber()) {
            return "number";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}

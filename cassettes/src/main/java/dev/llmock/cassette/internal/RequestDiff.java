package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where two logical requests differ, in words a test author recognises: {@code shape.address.zip}, {@code count},
 * {@code context.path}. Inside a shape the JSON Schema plumbing ({@code properties}, {@code required}) is left out,
 * so a path names the data field ({@code []} for array items), and a changed keyword ({@code type}, {@code enum})
 * names the field that owns it.
 */
final class RequestDiff {
    private enum Level { REQUEST, SCHEMA, PROPERTIES }

    private RequestDiff() {
    }

    static List<String> differences(JsonNode recorded, JsonNode wanted) {
        Set<String> paths = new LinkedHashSet<>();
        walk(recorded, wanted, "", Level.REQUEST, paths);
        return new ArrayList<>(paths);
    }

    private static void walk(JsonNode a, JsonNode b, String path, Level level, Set<String> out) {
        if (a == null || b == null || a.equals(b)) {
            if (a != b && (a == null || b == null)) {
                out.add(path);
            }
            return;
        }
        if (!a.isObject() || !b.isObject()) {
            out.add(path);
            return;
        }
        Set<String> names = new TreeSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode left = a.get(name);
            JsonNode right = b.get(name);
            if (left != null && left.equals(right)) {
                continue;
            }
            switch (level) {
                case REQUEST:
                    walk(left, right, join(path, name), name.equals("shape") ? Level.SCHEMA : Level.REQUEST, out);
                    break;
                case PROPERTIES:
                    walk(left, right, join(path, name), Level.SCHEMA, out);
                    break;
                default:
                    schemaKeyword(name, left, right, path, out);
            }
        }
    }

    private static void schemaKeyword(String name, JsonNode left, JsonNode right, String path, Set<String> out) {
        boolean bothObjects = left != null && right != null && left.isObject() && right.isObject();
        if (name.equals("properties") && bothObjects) {
            walk(left, right, path, Level.PROPERTIES, out);
        } else if ((name.equals("items") || name.equals("additionalProperties")) && bothObjects) {
            walk(left, right, path + "[]", Level.SCHEMA, out);
        } else if (!name.equals("required") && !name.equals("$schema")) {
            // "required" follows from the properties, which are compared themselves
            out.add(path);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}

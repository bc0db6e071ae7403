package dev.llmock.internal.shape;

import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shape of merged parts: each part under its name, or the parts' objects merged into one. */
public final class ShapeMerge {
    private ShapeMerge() {
    }

    public static ShapeNode underKeys(Map<String, ShapeNode> parts) {
        return new ObjectShape(parts, parts.keySet(), null);
    }

    /**
     * The parts' objects merged recursively.
     *
     * @param names the parts' names, for messages, in the order of {@code parts}
     * @throws IllegalArgumentException when a part is no object or two parts define the same non-object property
     */
    public static ShapeNode deep(List<String> names, List<ShapeNode> parts) {
        ShapeNode merged = null;
        String mergedFrom = null;
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof ObjectShape)) {
                throw new IllegalArgumentException("Merge.DEEP merges objects, but the part \"" + names.get(i)
                        + "\" is " + parts.get(i).describe() + ". Use Merge.UNDER_KEYS, or give it an object shape.");
            }
            merged = merged == null ? parts.get(i) : merge((ObjectShape) merged, (ObjectShape) parts.get(i),
                    mergedFrom, names.get(i), "");
            mergedFrom = mergedFrom == null ? "\"" + names.get(i) + "\"" : mergedFrom + ", \"" + names.get(i) + "\"";
        }
        return merged;
    }

    private static ObjectShape merge(ObjectShape left, ObjectShape right, String leftName, String rightName,
                                     String at) {
        Map<String, ShapeNode> properties = new LinkedHashMap<>(left.properties());
        Set<String> required = new LinkedHashSet<>(left.required());
        for (Map.Entry<String, ShapeNode> property : right.properties().entrySet()) {
            ShapeNode existing = properties.get(property.getKey());
            String pointer = at + "/" + property.getKey();
            if (existing == null) {
                properties.put(property.getKey(), property.getValue());
            } else if (existing instanceof ObjectShape a && property.getValue() instanceof ObjectShape b) {
                properties.put(property.getKey(), merge(a, b, leftName, rightName, pointer));
            } else if (!existing.equals(property.getValue())) {
                throw new IllegalArgumentException("Merge.DEEP cannot merge " + pointer + ": the parts " + leftName
                        + " and \"" + rightName + "\" both define it (" + existing.describe() + " and "
                        + property.getValue().describe() + "). Rename one, or use Merge.UNDER_KEYS.");
            }
        }
        required.addAll(right.required());
        return new ObjectShape(properties, required, left.description());
    }
}

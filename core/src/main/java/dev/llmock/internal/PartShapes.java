package dev.llmock.internal;

import dev.llmock.Merge;
import dev.llmock.Part;
import dev.llmock.Shape;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.internal.shape.ShapeMerge;
import dev.llmock.internal.shape.ShapeNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shape of a request made of parts: the parts' shapes under their names, or merged deep into one object. */
public final class PartShapes {

    private PartShapes() {
    }

    /**
     * @throws IllegalArgumentException when {@link Merge#DEEP} meets two parts that define the same value
     */
    public static Shape merge(List<Part> parts, Merge merge) {
        Map<String, ShapeNode> byName = new LinkedHashMap<>();
        parts.forEach(part -> byName.put(part.name(), ShapeAccess.node(part.shape())));
        if (merge == Merge.UNDER_KEYS) {
            return ShapeAccess.wrap(ShapeMerge.underKeys(byName));
        }
        return ShapeAccess.wrap(ShapeMerge.deep(List.copyOf(byName.keySet()), List.copyOf(byName.values())));
    }
}

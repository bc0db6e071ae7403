package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeValidator;
import java.time.Clock;
import java.util.Map;

/** An enrichment keeps the earlier stage's values wherever they still fit the (possibly wider) shape. */
final class Overlay {
    private Overlay() {
    }

    static JsonNode keep(ShapeNode shape, JsonNode fresh, JsonNode previous) {
        if (previous == null || previous.isMissingNode()) {
            return fresh;
        }
        if (fresh == null || fresh.isMissingNode()) {
            return fits(shape, previous) ? previous.deepCopy() : fresh;
        }
        if (shape instanceof ObjectShape object && fresh.isObject() && previous.isObject()) {
            ObjectNode merged = ((ObjectNode) fresh).deepCopy();
            for (Map.Entry<String, ShapeNode> property : object.properties().entrySet()) {
                JsonNode old = previous.get(property.getKey());
                if (old == null) {
                    continue;
                }
                JsonNode kept = keep(property.getValue(), merged.get(property.getKey()), old);
                if (kept != null) {
                    merged.set(property.getKey(), kept);
                }
            }
            return merged;
        }
        return fits(shape, previous) ? previous.deepCopy() : fresh;
    }

    private static boolean fits(ShapeNode shape, JsonNode value) {
        return ShapeValidator.validate(shape, value, Clock.systemUTC()).isEmpty();
    }
}

package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeValidator;
import java.time.Clock;
import java.util.Map;

/**
 * An enrichment's answer laid over the earlier stage's record: the enricher's valid values win, and an earlier value
 * is kept only where the enricher's is missing or does not fit the (possibly wider) shape, field by field.
 */
final class Overlay {
    private Overlay() {
    }

    static JsonNode fill(ShapeNode shape, JsonNode fresh, JsonNode previous) {
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
                JsonNode filled = fill(property.getValue(), merged.get(property.getKey()), old);
                if (filled != null) {
                    merged.set(property.getKey(), filled);
                }
            }
            return merged;
        }
        return fits(shape, fresh) || !fits(shape, previous) ? fresh : previous.deepCopy();
    }

    private static boolean fits(ShapeNode shape, JsonNode value) {
        return ShapeValidator.validate(shape, value, Clock.systemUTC()).isEmpty();
    }
}

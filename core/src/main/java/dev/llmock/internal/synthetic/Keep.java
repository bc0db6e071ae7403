package dev.llmock.internal.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeValidator;
import java.time.Clock;
import java.util.Map;

/** A later stage keeps the earlier stage's values wherever they still fit the (possibly wider) shape. */
final class Keep {
    private Keep() {
    }

    static JsonNode validValues(ShapeNode shape, JsonNode fresh, JsonNode previous) {
        if (shape instanceof ObjectShape object && fresh.isObject() && previous.isObject()) {
            ObjectNode merged = ((ObjectNode) fresh).deepCopy();
            for (Map.Entry<String, ShapeNode> property : object.properties().entrySet()) {
                JsonNode old = previous.get(property.getKey());
                JsonNode now = merged.get(property.getKey());
                if (old == null || now == null) {
                    continue;
                }
                merged.set(property.getKey(), validValues(property.getValue(), now, old));
            }
            return merged;
        }
        return ShapeValidator.validate(shape, previous, Clock.systemUTC()).isEmpty() ? previous.deepCopy() : fresh;
    }
}

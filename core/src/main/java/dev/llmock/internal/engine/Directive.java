package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeNode.DistributionShape;
import dev.llmock.internal.shape.ShapeNode.WeightedShape;
import java.util.List;

/**
 * One distribution directive of a request: where it is in a record, its shape, and the value code sampled for every
 * record.
 */
record Directive(List<String> path, ShapeNode shape, JsonNode[] values) {

    /** The directive's place in a record as a JSON Pointer. */
    String pointer() {
        StringBuilder pointer = new StringBuilder();
        path.forEach(step -> pointer.append('/').append(step.replace("~", "~0").replace("/", "~1")));
        return pointer.toString();
    }

    /** The directive as written: {@code normal(35, 12)} or {@code free:70|premium:25|enterprise:5}. */
    String text() {
        return shape instanceof DistributionShape d ? d.directive() : ((WeightedShape) shape).directive();
    }
}

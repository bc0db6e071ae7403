package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the stage chain produced: the final output, and what each stage did (the first, then each later stage).
 */
record Result(JsonNode output, List<Outcome> stages) {

    Result {
        stages = List.copyOf(stages);
    }
}

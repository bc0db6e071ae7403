package dev.llmock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Generation did not produce data that fits: lists what still fails and keeps the last output for diagnosis.
 *
 * @since 0.1.0
 */
public class GenerationException extends LlmockException {
    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;
    private final transient JsonNode lastOutput;

    public GenerationException(String message, List<Violation> violations, JsonNode lastOutput) {
        super(message);
        this.violations = List.copyOf(violations);
        this.lastOutput = lastOutput;
    }

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
        this.violations = List.of();
        this.lastOutput = null;
    }

    public List<Violation> violations() {
        return violations;
    }

    public JsonNode lastOutput() {
        return lastOutput;
    }
}

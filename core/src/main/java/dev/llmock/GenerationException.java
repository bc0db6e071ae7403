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

    /**
     * Data that still breaks its shape or rules after the last attempt.
     *
     * @param message says what fails, where, and how to fix it
     * @param violations what still fails
     * @param lastOutput the last output, or null
     */
    public GenerationException(String message, List<Violation> violations, JsonNode lastOutput) {
        super(message);
        this.violations = List.copyOf(violations);
        this.lastOutput = lastOutput;
    }

    /**
     * Generation that failed for another reason, such as output that is not JSON.
     *
     * @param message says what happened and how to fix it
     * @param cause the cause
     */
    public GenerationException(String message, Throwable cause) {
        super(message, cause);
        this.violations = List.of();
        this.lastOutput = null;
    }

    /** {@return what still fails in the last output; empty when generation failed for another reason} */
    public List<Violation> violations() {
        return violations;
    }

    /** {@return the last output, for diagnosis, or null} */
    public JsonNode lastOutput() {
        return lastOutput;
    }
}

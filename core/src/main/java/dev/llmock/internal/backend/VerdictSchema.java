package dev.llmock.internal.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Stage;
import dev.llmock.internal.Json;
import dev.llmock.spi.BackendRequest;

/**
 * The answer a validator's call asks for, through the provider's structured output:
 * {@code {"valid": false, "problems": [{"pointer": "/0/email", "reason": "..."}], "corrected": [...]}}, where
 * {@code corrected} is the whole data corrected (in the data's own schema), or null when it is valid.
 *
 * <p>Every property is required and {@code corrected} is nullable through {@code anyOf}, which strict structured
 * output (OpenAI) and llama.cpp's grammar both take.
 */
public final class VerdictSchema {
    /** The most problems one verdict lists: a few per record, so that a small model's verdict stays short. */
    static final int MAX_PROBLEMS = 20;
    private static final int PROBLEMS_PER_RECORD = 3;
    private static final int MAX_POINTER = 60;
    private static final int MAX_REASON = 120;

    private VerdictSchema() {
    }

    /** Whether {@code request} asks a validator to judge data: a VALIDATE call with data and nothing to repair. */
    public static boolean wanted(BackendRequest request) {
        return request.role() == Stage.Role.VALIDATE && request.previous() != null && request.repair().isEmpty();
    }

    /** The schema of the answer {@code request} wants: a verdict around {@code data} for a validator, else data. */
    public static ProviderSchema forCall(BackendRequest request, ProviderSchema data) {
        return wanted(request) ? around(data) : data;
    }

    /** A verdict whose {@code corrected} data has the schema of {@code data}'s answer, without its envelope. */
    public static ProviderSchema around(ProviderSchema data) {
        JsonNode corrected = data.envelopeKey() == null ? data.schema()
                : data.schema().path("properties").path(data.envelopeKey());
        ObjectNode verdict = Json.MAPPER.createObjectNode();
        verdict.put("type", "object");
        ObjectNode properties = verdict.putObject("properties");
        properties.putObject("valid").put("type", "boolean");
        ObjectNode problems = properties.putObject("problems");
        problems.put("type", "array");
        problems.put("maxItems", Math.min(MAX_PROBLEMS, PROBLEMS_PER_RECORD * data.count()));
        ObjectNode problem = problems.putObject("items");
        problem.put("type", "object");
        ObjectNode fields = problem.putObject("properties");
        fields.putObject("pointer").put("type", "string").put("maxLength", MAX_POINTER);
        fields.putObject("reason").put("type", "string").put("maxLength", MAX_REASON);
        problem.putArray("required").add("pointer").add("reason");
        problem.put("additionalProperties", false);
        ArrayNode either = properties.putObject("corrected").putArray("anyOf");
        either.add(corrected.deepCopy());
        either.addObject().put("type", "null");
        verdict.putArray("required").add("valid").add("problems").add("corrected");
        verdict.put("additionalProperties", false);
        return new ProviderSchema(verdict, null, data.count());
    }
}

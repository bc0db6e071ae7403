package dev.llmock.wiremock.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.Json;
import dev.llmock.openapi.OpenApiContent;
import dev.llmock.openapi.OpenApiOperation;
import dev.llmock.openapi.OpenApiResponse;
import java.util.List;

/**
 * What a model is told about an operation besides the schema: the API, the operation's summary and description, the
 * response it documents, and the description's examples of that response (LLMockApi puts the same in its prompts).
 */
final class OperationPrompt {
    /** Descriptions can be pages long; the start says what matters. */
    private static final int MAX_DESCRIPTION = 600;
    private static final int MAX_EXAMPLE = 2000;
    private static final int MAX_EXAMPLES = 2;

    private OperationPrompt() {
    }

    static String of(ServedOperation served, OpenApiResponse response, OpenApiContent content) {
        OpenApiOperation operation = served.operation();
        StringBuilder prompt = new StringBuilder("The response of ").append(operation.method()).append(' ')
                .append(served.servedPath()).append(" (operation ").append(operation.id()).append(") of the API \"")
                .append(served.spec().title()).append("\".");
        sentence(prompt, operation.summary());
        sentence(prompt, operation.description());
        prompt.append(" HTTP ").append(response.statusCode());
        sentence(prompt, response.description());
        examples(prompt, content.examples());
        return prompt.toString();
    }

    /** For an answer to a request the operation rejects, with what was wrong with it. */
    static String rejection(ServedOperation served, OpenApiResponse response, List<Problem.Error> errors) {
        StringBuilder prompt = new StringBuilder("The error response of ").append(served.operation().method())
                .append(' ').append(served.servedPath()).append(" (operation ").append(served.operation().id())
                .append(") of the API \"").append(served.spec().title()).append("\" for a request it rejects, HTTP ")
                .append(response.statusCode()).append(". What was wrong with the request: ");
        for (int i = 0; i < errors.size(); i++) {
            Problem.Error error = errors.get(i);
            prompt.append(i == 0 ? "" : "; ").append(error.pointer() != null
                    ? "body " + (error.pointer().isEmpty() ? "(root)" : error.pointer())
                    : error.in() + " parameter " + error.parameter()).append(": ").append(error.detail());
        }
        prompt.append('.');
        response.preferred().ifPresent(content -> examples(prompt, content.examples()));
        return prompt.toString();
    }

    private static void sentence(StringBuilder prompt, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String clean = text.strip().replaceAll("\\s+", " ");
        if (clean.length() > MAX_DESCRIPTION) {
            clean = clean.substring(0, MAX_DESCRIPTION) + "...";
        }
        prompt.append(' ').append(clean);
        if (!clean.endsWith(".") && !clean.endsWith("...")) {
            prompt.append('.');
        }
    }

    private static void examples(StringBuilder prompt, List<JsonNode> examples) {
        if (examples.isEmpty()) {
            return;
        }
        prompt.append(" Examples of this response from the API description (make new data like them):");
        examples.stream().limit(MAX_EXAMPLES).forEach(example -> {
            String text = Json.compact(example);
            prompt.append(' ').append(text.length() > MAX_EXAMPLE ? text.substring(0, MAX_EXAMPLE) + "..." : text);
        });
    }
}

package dev.llmock.spi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a backend answered.
 *
 * @param json             the parsed output
 * @param model            the model that answered (providers may report a more exact name), or null
 * @param promptTokens     tokens in the prompt, or null when the provider does not say
 * @param completionTokens tokens in the answer, or null when the provider does not say
 * @param attempts         HTTP attempts the backend made, retries included (1 for no retry)
 * @since 0.1.0
 */
public record BackendResponse(JsonNode json, String model, Long promptTokens, Long completionTokens, int attempts) {

    public static BackendResponse of(JsonNode json, String model) {
        return new BackendResponse(json, model, null, null, 1);
    }
}

package dev.llmock.internal.backend.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.BackendConfig;
import dev.llmock.internal.backend.PromptBuilder;
import dev.llmock.internal.backend.ProviderSchema;
import dev.llmock.spi.BackendRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one provider's request and answer look: the template {@link HttpBackend} fills in. Everything else (transport,
 * retries, schema fallback, truncation) is the same for every provider and lives elsewhere.
 */
abstract class Provider {
    /** The budget sent to providers that require one when none is configured. */
    static final int DEFAULT_BUDGET = 4096;

    protected final BackendConfig config;
    private final double temperature;

    Provider(BackendConfig config, double temperature) {
        this.config = config;
        this.temperature = temperature;
    }

    /**
     * What one request asks for.
     *
     * @param maxTokens the output budget, or null for the provider's default
     * @param plainJson ask for JSON without a schema (after the server rejected one)
     */
    record Ask(BackendRequest request, ProviderSchema schema, PromptBuilder.Prompt prompt, Integer maxTokens,
               boolean plainJson) {
    }

    /** One request to a provider: the path under {@code baseUrl}, the body and the headers. */
    record Outgoing(String path, ObjectNode body, Map<String, String> headers) {
    }

    /**
     * What a provider answered.
     *
     * @param text       the answer as text, when the provider answers in text
     * @param json       the answer as JSON, when the provider hands it over parsed (Anthropic's tool input)
     * @param truncated  whether the provider stopped at the token limit
     * @param stopReason the provider's word for why it stopped, for messages
     * @param refusal    the provider's refusal to produce the data (a safety refusal), or null
     */
    record Reply(String text, JsonNode json, boolean truncated, String stopReason, Long promptTokens,
                 Long completionTokens, String model, String refusal) {
    }

    /** Builds the provider's request. */
    abstract Outgoing request(Ask ask);

    /** Reads the provider's successful answer. */
    abstract Reply reply(JsonNode body);

    /** Whether the prompt must spell out the schema, because the request does not carry it or the model cannot see it. */
    abstract boolean schemaInPrompt(boolean plainJson);

    /** Whether a failure says the server does not accept a schema, so that plain JSON mode should be tried. */
    boolean rejectsSchema(int status, String providerMessage) {
        return false;
    }

    /** The provider's own words from an error body: {@code error.message}, or {@code error} when it is text. */
    String errorMessage(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        if (error.path("message").isTextual()) {
            return error.path("message").asText();
        }
        return body.path("message").isTextual() ? body.path("message").asText() : null;
    }

    /** The sampling temperature, within {@code [0, max]}. */
    final double temperature(double max) {
        return Math.max(0, Math.min(max, temperature));
    }

    /** A non-negative 31-bit seed, which every provider accepts. */
    static int seed(BackendRequest request) {
        return (int) Math.floorMod(request.seed(), (long) Integer.MAX_VALUE);
    }

    final String apiKey() {
        return config.apiKey() == null || config.apiKey().isEmpty() ? null : config.apiKey();
    }

    /** The system and user messages as chat APIs take them: {@code "messages": [{system}, {user}]}. */
    static void chatMessages(ObjectNode body, PromptBuilder.Prompt prompt) {
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", prompt.system());
        messages.addObject().put("role", "user").put("content", prompt.user());
    }

    /** {@code Authorization: Bearer <key>} when the backend has a key, else no header. */
    final Map<String, String> bearer() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (apiKey() != null) {
            headers.put("Authorization", "Bearer " + apiKey());
        }
        return headers;
    }

    /** A token count from a provider's usage block, or null when the provider did not send one. */
    static Long tokens(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }
}

package dev.llmock.internal.backend.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.BackendConfig;
import dev.llmock.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anthropic's Messages API, {@code POST {baseUrl}/v1/messages}. JSON comes through one forced tool whose
 * {@code input_schema} is the shape's schema: the model must call it, and the {@code tool_use} block's {@code input}
 * is the answer, already parsed.
 */
public final class AnthropicProvider extends Provider {
    /** The provider name in {@code llmock.json}: {@value}. */
    public static final String PROVIDER = "anthropic";
    /** The header naming the API version: {@value}. */
    static final String VERSION = "2023-06-01";
    /** The one tool the model is made to call: {@value}. */
    static final String TOOL = "emit_test_data";

    AnthropicProvider(BackendConfig config, double temperature) {
        super(config, temperature);
    }


    @Override
    Outgoing request(Ask ask) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", config.model());
        // max_tokens is required by the Messages API
        body.put("max_tokens", ask.maxTokens() != null ? ask.maxTokens() : DEFAULT_BUDGET);
        body.put("system", ask.prompt().system());
        body.putArray("messages").addObject().put("role", "user").put("content", ask.prompt().user());
        body.put("temperature", temperature(1.0));
        ObjectNode tool = body.putArray("tools").addObject();
        tool.put("name", TOOL);
        tool.put("description", "Returns the generated test data. Call it once with data that fits the schema.");
        tool.set("input_schema", ask.schema().schema());
        body.putObject("tool_choice").put("type", "tool").put("name", TOOL);
        Map<String, String> headers = new LinkedHashMap<>();
        if (apiKey() != null) {
            headers.put("x-api-key", apiKey());
        }
        headers.put("anthropic-version", VERSION);
        String path = config.baseUrl().replaceAll("/+$", "").endsWith("/v1") ? "/messages" : "/v1/messages";
        return new Outgoing(path, body, headers);
    }

    @Override
    Reply reply(JsonNode body) {
        JsonNode input = null;
        StringBuilder text = new StringBuilder();
        for (JsonNode block : body.path("content")) {
            String type = block.path("type").asText();
            if ("tool_use".equals(type) && input == null) {
                input = block.get("input");
            } else if ("text".equals(type)) {
                text.append(block.path("text").asText());
            }
        }
        String stop = body.path("stop_reason").asText(null);
        JsonNode usage = body.path("usage");
        return new Reply(text.length() == 0 ? null : text.toString(), input, "max_tokens".equals(stop),
                "stop_reason \"" + stop + "\"", tokens(usage.path("input_tokens")),
                tokens(usage.path("output_tokens")), body.path("model").asText(null), null);
    }

    @Override
    boolean schemaInPrompt(boolean plainJson) {
        return false;
    }

    /** Anthropic's error body names a type as well: {@code overloaded_error: Overloaded}. */
    @Override
    String errorMessage(JsonNode body) {
        JsonNode error = body.path("error");
        String type = error.path("type").asText(null);
        String message = error.path("message").asText(null);
        if (type == null) {
            return message;
        }
        return message == null ? type : type + ": " + message;
    }

    /** Creates backends for {@code "provider": "anthropic"}. */
    public static final class Factory extends ProviderFactory {
        public Factory() {
            super(PROVIDER, AnthropicProvider::new);
        }
    }
}

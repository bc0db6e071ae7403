package dev.llmock.internal.backend.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.BackendConfig;
import dev.llmock.internal.Json;
import java.util.Locale;

/**
 * Ollama's native API, {@code POST {baseUrl}/api/chat} with {@code stream: false} and the schema in {@code format}.
 * The model does not see {@code format} (it only constrains decoding), so the schema is in the prompt as well, as
 * Ollama's documentation advises. Servers too old for a schema in {@code format} get {@code "json"}. The schema in
 * {@code format} is fitted to llama.cpp's grammar converter ({@link LlamaCppSchema}).
 */
public final class OllamaProvider extends Provider {
    /** The provider name in {@code llmock.json}: {@value}. */
    public static final String PROVIDER = "ollama";

    OllamaProvider(BackendConfig config, double temperature) {
        super(config, temperature);
    }


    @Override
    Outgoing request(Ask ask) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", config.model());
        chatMessages(body, ask.prompt());
        body.put("stream", false);
        if (ask.plainJson()) {
            body.put("format", "json");
        } else {
            body.set("format", LlamaCppSchema.of(ask.schema().schema()));
        }
        ObjectNode options = body.putObject("options");
        options.put("temperature", temperature(2.0));
        options.put("seed", seed(ask.request()));
        if (ask.maxTokens() != null) {
            options.put("num_predict", ask.maxTokens());
        }
        // Ollama itself needs no key; a proxy in front of it, or ollama.com, may.
        return new Outgoing("/api/chat", body, bearer());
    }

    @Override
    Reply reply(JsonNode body) {
        // done_reason is missing on servers older than 0.1.4x: no reason means not known to be cut off.
        String doneReason = body.path("done_reason").asText(null);
        return new Reply(body.path("message").path("content").asText(null), null, "length".equals(doneReason),
                "done_reason \"" + doneReason + "\"", tokens(body.path("prompt_eval_count")),
                tokens(body.path("eval_count")), body.path("model").asText(null), null);
    }

    @Override
    boolean schemaInPrompt(boolean plainJson) {
        return true;
    }

    @Override
    boolean rejectsSchema(int status, String providerMessage) {
        if (status != 400 || providerMessage == null) {
            return false;
        }
        String message = providerMessage.toLowerCase(Locale.ROOT);
        return message.contains("format") || message.contains("schema");
    }

    /** Creates backends for {@code "provider": "ollama"}. */
    public static final class Factory extends ProviderFactory {
        public Factory() {
            super(PROVIDER, OllamaProvider::new);
        }
    }
}

package dev.llmock.internal.backend.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.BackendConfig;
import dev.llmock.internal.Json;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * OpenAI's Chat Completions API, {@code POST {baseUrl}/chat/completions}, and every server that speaks it: LM Studio,
 * vLLM, llama.cpp's llama-server, Ollama's {@code /v1}.
 *
 * <p>Structured output uses the nested {@code response_format: {"type": "json_schema", "json_schema": {...}}} form,
 * because llama.cpp silently ignores the flat one. OpenAI itself ({@code api.openai.com}, and Azure OpenAI's
 * {@code *.openai.azure.com}) enforces its strict subset of JSON Schema, so it gets the schema fitted to it
 * ({@link OpenAiStrictSchema}); other servers get the whole schema, whose length and size bounds their grammar engines
 * (llama.cpp, vLLM) honour. A server that rejects a schema with HTTP 400 is asked once more with
 * {@code {"type": "json_object"}} and the schema in the prompt, and is asked that way for that shape from then on
 * ({@link SchemaFallback}).
 */
public final class OpenAiProvider extends Provider {
    /** The provider name in {@code llmock.json}: {@value}. */
    public static final String PROVIDER = "openai";
    /** The name given to the schema in {@code response_format}: {@value}. */
    static final String SCHEMA_NAME = "llmock_fixture";
    private static final String OPENAI_HOST = "api.openai.com";
    private static final String AZURE_OPENAI_HOSTS = ".openai.azure.com";

    private final boolean completionTokensField;
    private final boolean strictSubset;

    OpenAiProvider(BackendConfig config, double temperature) {
        super(config, temperature);
        HttpUrl url = HttpUrl.parse(config.baseUrl());
        // api.openai.com wants max_completion_tokens (max_tokens is refused by its reasoning models), while
        // compatible servers such as Ollama's /v1 ignore that name and only know max_tokens.
        this.completionTokensField = url != null && OPENAI_HOST.equalsIgnoreCase(url.host());
        this.strictSubset = completionTokensField
                || url != null && url.host().toLowerCase(Locale.ROOT).endsWith(AZURE_OPENAI_HOSTS);
    }


    @Override
    Outgoing request(Ask ask) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", config.model());
        chatMessages(body, ask.prompt());
        body.put("temperature", temperature(2.0));
        body.put("seed", seed(ask.request()));
        if (ask.maxTokens() != null) {
            body.put(completionTokensField ? "max_completion_tokens" : "max_tokens", ask.maxTokens());
        }
        ObjectNode format = body.putObject("response_format");
        if (ask.plainJson()) {
            format.put("type", "json_object");
        } else {
            format.put("type", "json_schema");
            ObjectNode jsonSchema = format.putObject("json_schema");
            jsonSchema.put("name", SCHEMA_NAME);
            OpenAiStrictSchema fitted = strictSubset ? OpenAiStrictSchema.of(ask.schema().schema())
                    : new OpenAiStrictSchema(ask.schema().schema(), true);
            jsonSchema.set("schema", fitted.schema());
            jsonSchema.put("strict", fitted.strict());
        }
        return new Outgoing("/chat/completions", body, bearer());
    }

    @Override
    Reply reply(JsonNode body) {
        JsonNode choice = body.path("choices").path(0);
        JsonNode message = choice.path("message");
        String refusal = message.path("refusal").isTextual() && !message.path("content").isTextual()
                ? message.path("refusal").asText() : null;
        String finish = choice.path("finish_reason").asText(null);
        JsonNode usage = body.path("usage");
        return new Reply(message.path("content").asText(null), null, "length".equals(finish),
                "finish_reason \"" + finish + "\"", tokens(usage.path("prompt_tokens")),
                tokens(usage.path("completion_tokens")), body.path("model").asText(null), refusal);
    }

    @Override
    boolean schemaInPrompt(boolean plainJson) {
        return plainJson;
    }

    @Override
    boolean rejectsSchema(int status, String providerMessage) {
        if ((status != 400 && status != 422) || providerMessage == null) {
            return false;
        }
        String message = providerMessage.toLowerCase(Locale.ROOT);
        return message.contains("response_format") || message.contains("json_schema") || message.contains("schema");
    }

    /** Creates backends for {@code "provider": "openai"} (and its alias {@code lmstudio}). */
    public static final class Factory extends ProviderFactory {
        public Factory() {
            super(PROVIDER, OpenAiProvider::new);
        }
    }
}

package dev.llmock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible chat-completions server for WireMock: answers the {@code response_format} JSON Schema with as
 * many distinct records as it asks for ({@code {"items": [...]}} with {@code minItems} N, or one record), and reports
 * usage. Tokens are counted as ceil(characters / 4), the usual rule of thumb for English and JSON: prompt tokens over
 * the message contents plus the {@code response_format} schema (which OpenAI bills as prompt), completion tokens over
 * the answer.
 */
final class OpenAiSimulator implements ResponseDefinitionTransformerV2 {
    static final String NAME = "openai-simulator";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AtomicLong serial = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    long calls() {
        return calls.get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        calls.incrementAndGet();
        try {
            JsonNode body = MAPPER.readTree(serveEvent.getRequest().getBodyAsString());
            long promptChars = 0;
            for (JsonNode message : body.path("messages")) {
                promptChars += message.path("content").asText("").length();
            }
            JsonNode format = body.path("response_format");
            promptChars += MAPPER.writeValueAsString(format).length();
            JsonNode schema = format.path("json_schema").path("schema");
            JsonNode answer;
            JsonNode items = schema.path("properties").path("items");
            if (items.path("type").asText().equals("array")) {
                ArrayNode records = MAPPER.createArrayNode();
                int count = items.path("minItems").asInt(1);
                for (int i = 0; i < count; i++) {
                    records.add(record(items.path("items")));
                }
                ObjectNode envelope = MAPPER.createObjectNode();
                envelope.set("items", records);
                answer = envelope;
            } else {
                answer = record(schema);
            }
            String content = MAPPER.writeValueAsString(answer);
            ObjectNode reply = MAPPER.createObjectNode();
            reply.put("id", "chatcmpl-" + calls.get());
            reply.put("object", "chat.completion");
            reply.put("created", 0);
            reply.put("model", body.path("model").asText("simulated"));
            ObjectNode choice = reply.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", content);
            choice.put("finish_reason", "stop");
            ObjectNode usage = reply.putObject("usage");
            long promptTokens = (promptChars + 3) / 4;
            long completionTokens = (content.length() + 3) / 4;
            usage.put("prompt_tokens", promptTokens);
            usage.put("completion_tokens", completionTokens);
            usage.put("total_tokens", promptTokens + completionTokens);
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(MAPPER.writeValueAsString(reply))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record fitting {@code schema}, different from every earlier one. */
    private ObjectNode record(JsonNode schema) {
        long n = serial.incrementAndGet();
        ObjectNode record = MAPPER.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            JsonNode type = property.getValue().path("type");
            String kind = type.isArray() ? type.path(0).asText() : type.asText();
            switch (kind) {
                case "integer":
                    record.put(name, name.equals("age") ? 18 + n % 70 : n);
                    break;
                case "number":
                    record.put(name, n * 1.25);
                    break;
                case "boolean":
                    record.put(name, n % 2 == 0);
                    break;
                default:
                    record.put(name, name.equals("email") ? "user" + n + "@example.org" : name + " " + n);
            }
        }
        return record;
    }
}

package dev.llmock.internal.backend.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.llmock.internal.Json;

/** What the providers answer, in their documented wire formats, for loopback stubs. */
public final class ProviderReplies {

    private ProviderReplies() {
    }

    /** An OpenAI chat completion whose message content is {@code content}. */
    public static String openAiCompletion(String content, String finishReason) {
        return "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion\",\"created\":1677652288,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":" + quoted(content) + ",\"refusal\":null},"
                + "\"logprobs\":null,\"finish_reason\":\"" + finishReason + "\"}],\"usage\":{\"prompt_tokens\":120,"
                + "\"completion_tokens\":15,\"total_tokens\":135}}";
    }

    /** OpenAI's HTTP 500, as its API sends it. */
    public static ResponseDefinitionBuilder openAiServerError() {
        return aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("{\"error\":"
                + "{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\","
                + "\"param\":null,\"code\":null}}");
    }

    /** Ollama's non-streaming chat answer; {@code doneReason} null for servers too old to send one. */
    public static String ollamaChat(String content, String doneReason) {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2023-12-12T14:13:43.416799Z\",\"message\":{\"role\":"
                + "\"assistant\",\"content\":" + quoted(content) + "},"
                + "\"done\":true," + (doneReason == null ? "" : "\"done_reason\":\"" + doneReason + "\",")
                + "\"total_duration\":5191566416,\"load_duration\":2154458,\"prompt_eval_count\":26,"
                + "\"prompt_eval_duration\":383809000,\"eval_count\":298,\"eval_duration\":4799921000}";
    }

    /** Ollama's error body: {@code {"error": "..."}}. */
    public static ResponseDefinitionBuilder ollamaError(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"error\":" + quoted(message) + "}");
    }

    /** The Messages API's answer after the forced tool call, whose input is {@code input}. */
    public static String anthropicToolUse(String input, String stopReason) {
        return "{\"id\":\"msg_01Aq9w938a90dw8q\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-3-5-haiku-20241022\",\"content\":[{\"type\":\"tool_use\",\"id\":"
                + "\"toolu_01A09q90qw90lq917835lq9\",\"name\":\"emit_test_data\",\"input\":" + input + "}],"
                + "\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":412,\"output_tokens\":40}}";
    }

    /** The Messages API's answer in a text block. */
    public static String anthropicText(String text, String stopReason) {
        return "{\"id\":\"msg_02\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-3-5-haiku-20241022\","
                + "\"content\":[{\"type\":\"text\",\"text\":" + quoted(text) + "}],\"stop_reason\":\"" + stopReason
                + "\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":400,\"output_tokens\":30}}";
    }

    /** Anthropic's error body, with its request id header. */
    public static ResponseDefinitionBuilder anthropicError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
                        + "\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}");
    }

    private static String quoted(String text) {
        return Json.compact(Json.MAPPER.getNodeFactory().textNode(text));
    }
}

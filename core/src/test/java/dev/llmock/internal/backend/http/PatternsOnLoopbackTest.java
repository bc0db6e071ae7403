package dev.llmock.internal.backend.http;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.llmock.internal.backend.http.LoopbackLlm.body;
import static dev.llmock.internal.backend.http.ProviderReplies.openAiCompletion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The multi-LLM patterns as an OpenAI-compatible server sees them: what reaches its prompt and what it answers. */
class PatternsOnLoopbackTest {
    private static final String PATH = "/v1/chat/completions";
    private static final String BACKEND = "{\"name\":\"gpt\",\"provider\":\"openai\",\"baseUrl\":\"{base}/v1\","
            + "\"model\":\"gpt-4o-mini\",\"apiKey\":\"" + LoopbackLlm.API_KEY + "\",\"maxTokens\":500}";

    @RegisterExtension
    final LoopbackLlm llm = LoopbackLlm.serving(BACKEND, PATH);

    @Test
    void valuesSampledForADistributionReachTheProvidersPromptRecordByRecord() {
        llm.stubFor(post(PATH).willReturn(okJson(openAiCompletion(
                "{\"items\":[{\"name\":\"Ann\",\"age\":30,\"retired\":false},{\"name\":\"Bo\",\"age\":30,"
                        + "\"retired\":false}]}", "stop"))));

        Fixture fixture = llm.engine().generate(FixtureRequest.newBuilder().backend("gpt").count(2)
                .shape("{\"name\":\"string\",\"age\":\"int ~ normal(60, 12) in [18, 100]\",\"retired\":true}").build());

        String user = body(llm.requests().get(0)).at("/messages/1/content").asText();
        assertThat(user).contains("These values are fixed by code: use them exactly as given, and write the other"
                + " fields so that they agree with them (one line per record of your answer, in order):\n"
                + "1. {\"age\":" + fixture.json().get(0).get("age").asInt() + "}\n"
                + "2. {\"age\":" + fixture.json().get(1).get("age").asInt() + "}");
    }
}

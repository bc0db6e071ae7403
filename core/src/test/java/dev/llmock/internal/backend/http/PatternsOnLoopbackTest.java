package dev.llmock.internal.backend.http;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.llmock.internal.backend.http.LoopbackLlm.body;
import static dev.llmock.internal.backend.http.ProviderReplies.openAiCompletion;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import java.util.List;
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
    void aValidatorsVerdictWithProblemsAndCorrectedDataLeadsToTheCorrectionWhichItThenJudgesValid() {
        llm.stubFor(post(PATH).inScenario("judge").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(openAiCompletion("{\"valid\":false,\"problems\":[{\"pointer\":\"/email\","
                        + "\"reason\":\"must be at acme.com\"}],\"corrected\":{\"name\":\"Ada Lovelace\","
                        + "\"email\":\"ada@acme.com\"}}", "stop"))).willSetStateTo("judged once"));
        llm.stubFor(post(PATH).inScenario("judge").whenScenarioStateIs("judged once")
                .willReturn(okJson(openAiCompletion("{\"valid\":true,\"problems\":[],\"corrected\":null}", "stop"))));
        Llmock llmock = llm.engine(llm.config(BACKEND + ",{\"name\":\"basic\",\"provider\":\"synthetic\"}"));

        Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape("{\"name\":\"string\",\"email\":\"email\"}")
                .backend("basic").rule("every email is at acme.com").validate("gpt").build());

        assertThat(fixture.json()).isEqualTo(LoopbackLlm.json("{\"name\":\"Ada Lovelace\",\"email\":\"ada@acme.com\"}"));
        List<LoggedRequest> sent = llm.requests();
        assertThat(sent).hasSize(2);
        JsonNode first = body(sent.get(0));
        assertThat(first.at("/response_format/json_schema/schema/required").toString())
                .isEqualTo("[\"valid\",\"problems\",\"corrected\"]");
        assertThat(first.at("/response_format/json_schema/schema/properties/corrected/anyOf/0/required").toString())
                .isEqualTo("[\"email\",\"name\"]");
        assertThat(first.at("/messages/1/content").asText()).startsWith("Judge this data against the schema and every"
                + " rule below, and answer with a verdict:").contains("- every email is at acme.com");
        assertThat(body(sent.get(1)).at("/messages/1/content").asText()).contains("\"email\" : \"ada@acme.com\"");
        JsonNode validate = fixture.provenance().details().at("/stages/1");
        assertThat(validate.toString()).contains("\"validatorCalls\":2,\"verdicts\":2").contains("\"corrections\":1");
        assertThat(fixture.provenance().details().has("unchecked")).isFalse();
    }

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

package dev.llmock.internal.backend.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.llmock.internal.backend.http.LoopbackLlm.API_KEY;
import static dev.llmock.internal.backend.http.LoopbackLlm.body;
import static dev.llmock.internal.backend.http.LoopbackLlm.json;
import static dev.llmock.internal.backend.http.LoopbackLlm.request;
import static dev.llmock.internal.backend.http.ProviderReplies.anthropicError;
import static dev.llmock.internal.backend.http.ProviderReplies.anthropicText;
import static dev.llmock.internal.backend.http.ProviderReplies.anthropicToolUse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.llmock.BackendConfig;
import dev.llmock.BackendException;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.spi.BackendContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnthropicBackendTest {
    private static final String PATH = "/v1/messages";
    private static final String BACKEND = "{\"name\":\"claude\",\"provider\":\"anthropic\",\"baseUrl\":\"{base}\","
            + "\"model\":\"claude-3-5-haiku-latest\",\"apiKey\":\"" + API_KEY + "\",\"maxTokens\":1024}";
    private static final String ADA = "{\"name\":\"Ada Lovelace\",\"age\":36}";

    @RegisterExtension
    final LoopbackLlm llm = LoopbackLlm.serving(BACKEND, PATH);

    @Test
    void forcesOneToolWhoseInputSchemaIsTheShapeAndReadsItsInput() {
        llm.stubFor(post(PATH).willReturn(okJson(anthropicToolUse(ADA, "tool_use"))));

        Fixture fixture = llm.engine().generate(request("claude"));

        assertThat(fixture.json()).isEqualTo(json(ADA));
        assertThat(fixture.provenance().model()).isEqualTo("claude-3-5-haiku-20241022");
        assertThat(fixture.provenance().promptTokens()).isEqualTo(412L);
        assertThat(fixture.provenance().completionTokens()).isEqualTo(40L);
        LoggedRequest sent = llm.requests().get(0);
        assertThat(sent.getHeader("x-api-key")).isEqualTo(API_KEY);
        assertThat(sent.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.containsHeader("Authorization")).isFalse();
        JsonNode body = body(sent);
        assertThat(body.get("model").asText()).isEqualTo("claude-3-5-haiku-latest");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.get("system").asText()).startsWith("You generate realistic");
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/tools/0/name").asText()).isEqualTo("emit_test_data");
        assertThat(body.at("/tools/0/input_schema/type").asText()).isEqualTo("object");
        assertThat(body.at("/tools/0/input_schema/properties/name/maxLength").asInt()).isEqualTo(200);
        assertThat(body.get("tool_choice").toString()).isEqualTo("{\"type\":\"tool\",\"name\":\"emit_test_data\"}");
        assertThat(body.has("response_format")).isFalse();
    }

    @Test
    void wrapsAListInAnObjectBecauseInputSchemaMustBeOne() {
        String two = "{\"items\":[" + ADA + ",{\"name\":\"Alan Turing\",\"age\":41}]}";
        llm.stubFor(post(PATH).willReturn(okJson(anthropicToolUse(two, "tool_use"))));

        Fixture fixture = llm.engine().generate(FixtureRequest.newBuilder().shape(LoopbackLlm.SHAPE).backend("claude").count(2)
                .build());

        assertThat(fixture.json()).isEqualTo(json(two).get("items"));
        assertThat(body(llm.requests().get(0)).at("/tools/0/input_schema/properties/items/minItems").asInt()).isEqualTo(2);
    }

    @Test
    void readsJsonFromATextBlockInMarkdownFences() {
        llm.stubFor(post(PATH).willReturn(okJson(anthropicText("```json\n" + ADA + "\n```", "end_turn"))));

        assertThat(llm.engine().generate(request("claude")).json()).isEqualTo(json(ADA));
    }

    @Test
    void retriesWithTwiceTheBudgetWhenStopReasonIsMaxTokens() {
        llm.stubFor(post(PATH).inScenario("cut").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(anthropicToolUse("{}", "max_tokens"))).willSetStateTo("ok"));
        llm.stubFor(post(PATH).inScenario("cut").whenScenarioStateIs("ok")
                .willReturn(okJson(anthropicToolUse(ADA, "tool_use"))));

        assertThat(llm.engine().generate(request("claude")).json()).isEqualTo(json(ADA));
        assertThat(body(llm.requests().get(1)).get("max_tokens").asInt()).isEqualTo(2048);
    }

    @Test
    void reportsTruncationThatPersistsInsteadOfParsingHalfAnAnswer() {
        llm.stubFor(post(PATH).willReturn(okJson(anthropicToolUse("{\"name\":\"Ada\"}", "max_tokens"))));

        assertThatThrownBy(() -> llm.engine().generate(request("claude"))).isInstanceOf(BackendException.class)
                .hasMessage("Backend \"claude\" (anthropic, model claude-3-5-haiku-latest) failed: POST http://127.0.0.1:"
                        + llm.port() + " was cut off at the output token limit (stop_reason \"max_tokens\", max"
                        + " 4096 tokens), even after retrying with a larger budget and fewer records per call. Raise"
                        + " \"maxTokens\" of backend \"claude\", or ask for fewer or smaller records.");
        assertThat(llm.requests()).hasSize(3);
    }

    @Test
    void namesTheErrorTypeAndMessageOfEachDocumentedError() {
        record Case(int status, String type, String message, int requests) {
        }
        for (Case c : List.of(
                new Case(400, "invalid_request_error", "max_tokens: 100000 > 8192, which is the maximum allowed", 1),
                new Case(401, "authentication_error", "invalid x-api-key", 1),
                new Case(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit", 3),
                new Case(500, "api_error", "Internal server error", 3),
                new Case(529, "overloaded_error", "Overloaded", 3))) {
            llm.resetAll();
            // a fresh engine for each case, so that the circuit breaker does not carry failures over
            llm.stubFor(post(PATH).willReturn(anthropicError(c.status(), c.type(), c.message())));

            BackendException e;
            try (Llmock fresh = llm.engine(llm.config())) {
                e = catchThrowableOfType(() -> fresh.generate(request("claude")), BackendException.class);
            }

            assertThat(e.status()).isEqualTo(c.status());
            assertThat(e.url()).isEqualTo(llm.url());
            assertThat(e.getMessage()).startsWith("Backend \"claude\" (anthropic, model claude-3-5-haiku-latest) failed:"
                    + " POST " + llm.url() + " returned HTTP " + c.status() + (c.requests() > 1 ? " after 3 attempts" : "")
                    + ": " + c.type() + ": " + c.message() + ".").doesNotContain(API_KEY);
            assertThat(llm.requests()).as("requests for HTTP %d", c.status()).hasSize(c.requests());
        }
    }

    @Test
    void retriesOverloadedAfterTheRetryAfterSecondsAndSucceeds() {
        llm.stubFor(post(PATH).inScenario("529").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(anthropicError(529, "overloaded_error", "Overloaded").withHeader("retry-after", "1"))
                .willSetStateTo("ok"));
        llm.stubFor(post(PATH).inScenario("529").whenScenarioStateIs("ok")
                .willReturn(okJson(anthropicToolUse(ADA, "tool_use"))));

        Fixture fixture = llm.engine().generate(request("claude"));

        assertThat(fixture.provenance().attempts()).isEqualTo(2);
        assertThat(llm.engine().stats().backend("claude").orElseThrow().retries()).isEqualTo(1);
    }

    @Test
    void retriesAConnectionResetUntilAttemptsRunOut() {
        llm.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        BackendException e = catchThrowableOfType(() -> llm.engine().generate(request("claude")), BackendException.class);

        assertThat(e.getMessage()).contains(" got no response after 3 attempts: connection failed (");
        assertThat(llm.requests()).hasSize(3);
    }

    @Test
    void givesUpOnAResponseSlowerThanTheTimeout() {
        llm.stubFor(post(PATH).willReturn(okJson(anthropicToolUse(ADA, "tool_use")).withFixedDelay(600)));
        LlmockConfig config = llm.config(BACKEND, "{\"maxAttempts\":1}", "{\"enabled\":false}");
        BackendConfig backend = config.backends().get(0);
        HttpSettings settings = HttpSettings.of(backend, new BackendContext(config, llm.clock(), 0))
                .withTimeout(Duration.ofMillis(150));
        try (Llmock direct = Llmock.newBuilder().config(config).backend(new AnthropicProvider.Factory().create(backend, settings))
                .cache(false).build()) {
            BackendException e = catchThrowableOfType(() -> direct.generate(request("claude")), BackendException.class);
            assertThat(e.getMessage()).contains(" got no response within 150 ms.");
            assertThat(e.status()).isZero();
        }
    }

    @Test
    void acceptsABaseUrlThatAlreadyEndsInV1() {
        llm.stubFor(post(PATH).willReturn(okJson(anthropicToolUse(ADA, "tool_use"))));
        try (Llmock v1 = llm.engine(llm.config(BACKEND.replace("{base}", "{base}/v1")))) {
            assertThat(v1.generate(request("claude")).json()).isEqualTo(json(ADA));
        }
    }
}

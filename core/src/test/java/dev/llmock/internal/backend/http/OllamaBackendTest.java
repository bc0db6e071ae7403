package dev.llmock.internal.backend.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.llmock.internal.backend.http.LoopbackLlm.body;
import static dev.llmock.internal.backend.http.LoopbackLlm.json;
import static dev.llmock.internal.backend.http.LoopbackLlm.request;
import static dev.llmock.internal.backend.http.ProviderReplies.ollamaChat;
import static dev.llmock.internal.backend.http.ProviderReplies.ollamaError;
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
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.spi.BackendContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OllamaBackendTest {
    private static final String PATH = "/api/chat";
    private static final String BACKEND = "{\"name\":\"local\",\"provider\":\"ollama\",\"baseUrl\":\"{base}\","
            + "\"model\":\"llama3.2\",\"maxTokens\":400}";
    private static final String ADA = "{\"name\":\"Ada Lovelace\",\"age\":36}";

    @RegisterExtension
    final LoopbackLlm llm = LoopbackLlm.serving(BACKEND, PATH);

    @Test
    void sendsTheSchemaInFormatWithStreamOffAndOptions() {
        llm.stubFor(post(PATH).willReturn(okJson(ollamaChat(ADA, "stop"))));

        Fixture fixture = llm.engine().generate(request("local"));

        assertThat(fixture.json()).isEqualTo(json(ADA));
        assertThat(fixture.provenance().promptTokens()).isEqualTo(26L);
        assertThat(fixture.provenance().completionTokens()).isEqualTo(298L);
        LoggedRequest sent = llm.requests().get(0);
        assertThat(sent.containsHeader("Authorization")).isFalse();
        JsonNode body = body(sent);
        assertThat(body.get("model").asText()).isEqualTo("llama3.2");
        assertThat(body.get("stream").asBoolean(true)).isFalse();
        assertThat(body.at("/format/type").asText()).isEqualTo("object");
        assertThat(body.at("/format/properties/name/maxLength").asInt()).isEqualTo(200);
        assertThat(body.at("/options/temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.at("/options/num_predict").asInt()).isEqualTo(400);
        assertThat(body.at("/options/seed").isInt()).isTrue();
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.at("/messages/0/content").asText()).contains("JSON Schema").contains("\"maxLength\" : 200");
    }

    @Test
    void acceptsAnAnswerFromAnOldServerWithoutDoneReason() {
        llm.stubFor(post(PATH).willReturn(okJson(ollamaChat("```json\n" + ADA + "\n```", null))));

        assertThat(llm.engine().generate(request("local")).json()).isEqualTo(json(ADA));
    }

    @Test
    void retriesWithTwiceTheBudgetWhenDoneReasonIsLength() {
        llm.stubFor(post(PATH).inScenario("cut").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(ollamaChat("{\"name\":\"Ada", "length"))).willSetStateTo("ok"));
        llm.stubFor(post(PATH).inScenario("cut").whenScenarioStateIs("ok").willReturn(okJson(ollamaChat(ADA, "stop"))));

        assertThat(llm.engine().generate(request("local")).json()).isEqualTo(json(ADA));
        assertThat(body(llm.requests().get(1)).at("/options/num_predict").asInt()).isEqualTo(800);
    }

    @Test
    void fallsBackToFormatJsonWhenTheServerRejectsASchema() {
        llm.stubFor(post(PATH).inScenario("old").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ollamaError(400, "invalid format: expected \"json\" or a JSON schema")).willSetStateTo("json"));
        llm.stubFor(post(PATH).inScenario("old").whenScenarioStateIs("json").willReturn(okJson(ollamaChat(ADA, "stop"))));

        assertThat(llm.engine().generate(request("local")).json()).isEqualTo(json(ADA));
        assertThat(body(llm.requests().get(1)).get("format").asText()).isEqualTo("json");
    }

    @Test
    void reportsAMissingModelWithOllamasMessageWithoutRetrying() {
        llm.stubFor(post(PATH).willReturn(ollamaError(404, "model \"llama3.2\" not found, try pulling it first")));

        assertThatThrownBy(() -> llm.engine().generate(request("local"))).isInstanceOf(BackendException.class)
                .hasMessage("Backend \"local\" (ollama, model llama3.2) failed: POST " + llm.url() + " returned HTTP 404:"
                        + " model \"llama3.2\" not found, try pulling it first. Check \"baseUrl\" (http://127.0.0.1:"
                        + llm.port() + ") and \"model\" (llama3.2) of backend \"local\": the server does not know"
                        + " this path or model.");
        assertThat(llm.requests()).hasSize(1);
    }

    @Test
    void reportsBadRequestUnauthorizedRateLimitAndServerErrorsWithStatusAndMessage() {
        record Case(int status, String message, int requests) {
        }
        for (Case c : List.of(new Case(400, "unexpected EOF", 1), new Case(401, "unauthorized", 1),
                new Case(429, "too many requests", 3),
                new Case(500, "llama runner process has terminated: signal: killed", 3))) {
            llm.resetAll();
            // a fresh engine for each case, so that the circuit breaker does not carry failures over
            llm.stubFor(post(PATH).willReturn(ollamaError(c.status(), c.message())));

            BackendException e;
            try (Llmock fresh = llm.engine(llm.config())) {
                e = catchThrowableOfType(() -> fresh.generate(request("local")), BackendException.class);
            }

            assertThat(e.status()).isEqualTo(c.status());
            assertThat(e.getMessage()).startsWith("Backend \"local\" (ollama, model llama3.2) failed: POST " + llm.url()
                    + " returned HTTP " + c.status() + (c.requests() > 1 ? " after 3 attempts" : "") + ": "
                    + c.message() + ".");
            assertThat(llm.requests()).hasSize(c.requests());
        }
    }

    @Test
    void retriesARateLimitThatSaysWhenToComeBack() {
        llm.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ollamaError(429, "too many requests").withHeader("retry-after-ms", "5")).willSetStateTo("ok"));
        llm.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs("ok").willReturn(okJson(ollamaChat(ADA, "stop"))));

        assertThat(llm.engine().generate(request("local")).provenance().attempts()).isEqualTo(2);
    }

    @Test
    void retriesAConnectionReset() {
        llm.stubFor(post(PATH).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        llm.stubFor(post(PATH).inScenario("reset").whenScenarioStateIs("ok").willReturn(okJson(ollamaChat(ADA, "stop"))));

        assertThat(llm.engine().generate(request("local")).json()).isEqualTo(json(ADA));
        assertThat(llm.engine().stats().backend("local").orElseThrow().retries()).isEqualTo(1);
    }

    @Test
    void givesUpOnAResponseSlowerThanTheTimeout() {
        llm.stubFor(post(PATH).willReturn(okJson(ollamaChat(ADA, "stop")).withFixedDelay(600)));
        LlmockConfig config = llm.config(BACKEND, "{\"maxAttempts\":2,\"baseDelayMs\":1}",
                "{\"enabled\":false}");
        BackendConfig backend = config.backends().get(0);
        HttpSettings settings = HttpSettings.of(backend, new BackendContext(config, llm.clock(), 0))
                .withTimeout(Duration.ofMillis(150));
        try (Llmock direct = Llmock.newBuilder().config(config).backend(new OllamaProvider.Factory().create(backend, settings))
                .cache(false).build()) {
            assertThatThrownBy(() -> direct.generate(request("local"))).isInstanceOf(BackendException.class)
                    .hasMessageStartingWith("Backend \"local\" (ollama, model llama3.2) failed: POST " + llm.url()
                            + " got no response within 150 ms after 2 attempts.");
        }
    }

    @Test
    void asksAgainWhenTheAnswerIsNotJson() {
        llm.stubFor(post(PATH).inScenario("prose").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(ollamaChat("I cannot produce JSON today.", "stop"))).willSetStateTo("ok"));
        llm.stubFor(post(PATH).inScenario("prose").whenScenarioStateIs("ok").willReturn(okJson(ollamaChat(ADA, "stop"))));

        Fixture fixture = llm.engine().generate(request("local"));

        assertThat(fixture.json()).isEqualTo(json(ADA));
        assertThat(fixture.provenance().attempts()).isEqualTo(2);
    }
}

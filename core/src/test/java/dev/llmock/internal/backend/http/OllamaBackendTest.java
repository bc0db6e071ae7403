package dev.llmock.internal.backend.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.llmock.internal.backend.LoopbackLlm.body;
import static dev.llmock.internal.backend.LoopbackLlm.json;
import static dev.llmock.internal.backend.LoopbackLlm.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.llmock.BackendConfig;
import dev.llmock.BackendException;
import dev.llmock.Fixture;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.internal.Json;
import dev.llmock.internal.backend.LoopbackLlm;
import dev.llmock.internal.backend.LoopbackLlm.TestClock;
import dev.llmock.spi.BackendContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OllamaBackendTest {
    private static final String PATH = "/api/chat";
    private static final String BACKEND = "{\"name\":\"local\",\"provider\":\"ollama\",\"baseUrl\":\"{base}\","
            + "\"model\":\"llama3.2\",\"maxTokens\":400}";
    private static final String ADA = "{\"name\":\"Ada Lovelace\",\"age\":36}";

    private WireMockServer server;
    private final TestClock clock = new TestClock();
    private Llmock llmock;

    @BeforeEach
    void start() {
        server = LoopbackLlm.start();
        llmock = LoopbackLlm.engine(LoopbackLlm.config(server, BACKEND), clock);
    }

    @AfterEach
    void stop() {
        llmock.close();
        server.stop();
    }

    private String url() {
        return "http://127.0.0.1:" + server.port() + PATH;
    }

    private List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    /** Ollama's documented non-streaming chat answer. */
    static String chat(String content, String doneReason) {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2023-12-12T14:13:43.416799Z\",\"message\":{\"role\":"
                + "\"assistant\",\"content\":" + Json.compact(Json.MAPPER.getNodeFactory().textNode(content)) + "},"
                + "\"done\":true," + (doneReason == null ? "" : "\"done_reason\":\"" + doneReason + "\",")
                + "\"total_duration\":5191566416,\"load_duration\":2154458,\"prompt_eval_count\":26,"
                + "\"prompt_eval_duration\":383809000,\"eval_count\":298,\"eval_duration\":4799921000}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"error\":" + Json.compact(Json.MAPPER.getNodeFactory().textNode(message)) + "}");
    }

    @Test
    void sendsTheSchemaInFormatWithStreamOffAndOptions() {
        server.stubFor(post(PATH).willReturn(okJson(chat(ADA, "stop"))));

        Fixture fixture = llmock.generate(request("local"));

        assertThat(fixture.json()).isEqualTo(json(ADA));
        assertThat(fixture.provenance().promptTokens()).isEqualTo(26L);
        assertThat(fixture.provenance().completionTokens()).isEqualTo(298L);
        LoggedRequest sent = requests().get(0);
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
        server.stubFor(post(PATH).willReturn(okJson(chat("```json\n" + ADA + "\n```", null))));

        assertThat(llmock.generate(request("local")).json()).isEqualTo(json(ADA));
    }

    @Test
    void retriesWithTwiceTheBudgetWhenDoneReasonIsLength() {
        server.stubFor(post(PATH).inScenario("cut").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(chat("{\"name\":\"Ada", "length"))).willSetStateTo("ok"));
        server.stubFor(post(PATH).inScenario("cut").whenScenarioStateIs("ok").willReturn(okJson(chat(ADA, "stop"))));

        assertThat(llmock.generate(request("local")).json()).isEqualTo(json(ADA));
        assertThat(body(requests().get(1)).at("/options/num_predict").asInt()).isEqualTo(800);
    }

    @Test
    void fallsBackToFormatJsonWhenTheServerRejectsASchema() {
        server.stubFor(post(PATH).inScenario("old").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(400, "invalid format: expected \"json\" or a JSON schema")).willSetStateTo("json"));
        server.stubFor(post(PATH).inScenario("old").whenScenarioStateIs("json").willReturn(okJson(chat(ADA, "stop"))));

        assertThat(llmock.generate(request("local")).json()).isEqualTo(json(ADA));
        assertThat(body(requests().get(1)).get("format").asText()).isEqualTo("json");
    }

    @Test
    void reportsAMissingModelWithOllamasMessageWithoutRetrying() {
        server.stubFor(post(PATH).willReturn(error(404, "model \"llama3.2\" not found, try pulling it first")));

        assertThatThrownBy(() -> llmock.generate(request("local"))).isInstanceOf(BackendException.class)
                .hasMessage("Backend \"local\" (ollama, model llama3.2) failed: POST " + url() + " returned HTTP 404:"
                        + " model \"llama3.2\" not found, try pulling it first. Check \"baseUrl\" (http://127.0.0.1:"
                        + server.port() + ") and \"model\" (llama3.2) of backend \"local\": the server does not know"
                        + " this path or model.");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void reportsBadRequestUnauthorizedRateLimitAndServerErrorsWithStatusAndMessage() {
        record Case(int status, String message, int requests) {
        }
        for (Case c : List.of(new Case(400, "unexpected EOF", 1), new Case(401, "unauthorized", 1),
                new Case(429, "too many requests", 3),
                new Case(500, "llama runner process has terminated: signal: killed", 3))) {
            server.resetAll();
            // a fresh engine for each case, so that the circuit breaker does not carry failures over
            server.stubFor(post(PATH).willReturn(error(c.status(), c.message())));

            BackendException e;
            try (Llmock fresh = LoopbackLlm.engine(LoopbackLlm.config(server, BACKEND), clock)) {
                e = catchThrowableOfType(() -> fresh.generate(request("local")), BackendException.class);
            }

            assertThat(e.status()).isEqualTo(c.status());
            assertThat(e.getMessage()).startsWith("Backend \"local\" (ollama, model llama3.2) failed: POST " + url()
                    + " returned HTTP " + c.status() + (c.requests() > 1 ? " after 3 attempts" : "") + ": "
                    + c.message() + ".");
            assertThat(requests()).hasSize(c.requests());
        }
    }

    @Test
    void retriesARateLimitThatSaysWhenToComeBack() {
        server.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(429, "too many requests").withHeader("retry-after-ms", "5")).willSetStateTo("ok"));
        server.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs("ok").willReturn(okJson(chat(ADA, "stop"))));

        assertThat(llmock.generate(request("local")).provenance().attempts()).isEqualTo(2);
    }

    @Test
    void retriesAConnectionReset() {
        server.stubFor(post(PATH).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        server.stubFor(post(PATH).inScenario("reset").whenScenarioStateIs("ok").willReturn(okJson(chat(ADA, "stop"))));

        assertThat(llmock.generate(request("local")).json()).isEqualTo(json(ADA));
        assertThat(llmock.stats().backend("local").orElseThrow().retries()).isEqualTo(1);
    }

    @Test
    void givesUpOnAResponseSlowerThanTheTimeout() {
        server.stubFor(post(PATH).willReturn(okJson(chat(ADA, "stop")).withFixedDelay(600)));
        LlmockConfig config = LoopbackLlm.config(server, BACKEND, "{\"maxAttempts\":2,\"baseDelayMs\":1}",
                "{\"enabled\":false}");
        BackendConfig backend = config.backends().get(0);
        HttpSettings settings = HttpSettings.of(backend, new BackendContext(config, clock, 0))
                .withTimeout(Duration.ofMillis(150));
        try (Llmock direct = Llmock.newBuilder().config(config).backend(OllamaProvider.backend(backend, settings))
                .cache(false).build()) {
            assertThatThrownBy(() -> direct.generate(request("local"))).isInstanceOf(BackendException.class)
                    .hasMessageStartingWith("Backend \"local\" (ollama, model llama3.2) failed: POST " + url()
                            + " got no response within 150 ms after 2 attempts.");
        }
    }

    @Test
    void asksAgainWhenTheAnswerIsNotJson() {
        server.stubFor(post(PATH).inScenario("prose").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(chat("I cannot produce JSON today.", "stop"))).willSetStateTo("ok"));
        server.stubFor(post(PATH).inScenario("prose").whenScenarioStateIs("ok").willReturn(okJson(chat(ADA, "stop"))));

        Fixture fixture = llmock.generate(request("local"));

        assertThat(fixture.json()).isEqualTo(json(ADA));
        assertThat(fixture.provenance().attempts()).isEqualTo(2);
    }
}

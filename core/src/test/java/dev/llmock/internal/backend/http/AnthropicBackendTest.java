package dev.llmock.internal.backend.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.llmock.internal.backend.LoopbackLlm.API_KEY;
import static dev.llmock.internal.backend.LoopbackLlm.body;
import static dev.llmock.internal.backend.LoopbackLlm.json;
import static dev.llmock.internal.backend.LoopbackLlm.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.llmock.BackendConfig;
import dev.llmock.BackendException;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
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

class AnthropicBackendTest {
    private static final String PATH = "/v1/messages";
    private static final String BACKEND = "{\"name\":\"claude\",\"provider\":\"anthropic\",\"baseUrl\":\"{base}\","
            + "\"model\":\"claude-3-5-haiku-latest\",\"apiKey\":\"" + API_KEY + "\",\"maxTokens\":1024}";
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

    /** The Messages API's answer after a forced tool call. */
    static String toolUse(String input, String stopReason) {
        return "{\"id\":\"msg_01Aq9w938a90dw8q\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-3-5-haiku-20241022\",\"content\":[{\"type\":\"tool_use\",\"id\":"
                + "\"toolu_01A09q90qw90lq917835lq9\",\"name\":\"emit_test_data\",\"input\":" + input + "}],"
                + "\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":412,\"output_tokens\":40}}";
    }

    static String text(String text, String stopReason) {
        return "{\"id\":\"msg_02\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-3-5-haiku-20241022\","
                + "\"content\":[{\"type\":\"text\",\"text\":" + Json.compact(Json.MAPPER.getNodeFactory()
                .textNode(text)) + "}],\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":400,\"output_tokens\":30}}";
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
                        + "\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}");
    }

    @Test
    void forcesOneToolWhoseInputSchemaIsTheShapeAndReadsItsInput() {
        server.stubFor(post(PATH).willReturn(okJson(toolUse(ADA, "tool_use"))));

        Fixture fixture = llmock.generate(request("claude"));

        assertThat(fixture.json()).isEqualTo(json(ADA));
        assertThat(fixture.provenance().model()).isEqualTo("claude-3-5-haiku-20241022");
        assertThat(fixture.provenance().promptTokens()).isEqualTo(412L);
        assertThat(fixture.provenance().completionTokens()).isEqualTo(40L);
        LoggedRequest sent = requests().get(0);
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
        server.stubFor(post(PATH).willReturn(okJson(toolUse(two, "tool_use"))));

        Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(LoopbackLlm.SHAPE).backend("claude").count(2)
                .build());

        assertThat(fixture.json()).isEqualTo(json(two).get("items"));
        assertThat(body(requests().get(0)).at("/tools/0/input_schema/properties/items/minItems").asInt()).isEqualTo(2);
    }

    @Test
    void readsJsonFromATextBlockInMarkdownFences() {
        server.stubFor(post(PATH).willReturn(okJson(text("```json\n" + ADA + "\n```", "end_turn"))));

        assertThat(llmock.generate(request("claude")).json()).isEqualTo(json(ADA));
    }

    @Test
    void retriesWithTwiceTheBudgetWhenStopReasonIsMaxTokens() {
        server.stubFor(post(PATH).inScenario("cut").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(toolUse("{}", "max_tokens"))).willSetStateTo("ok"));
        server.stubFor(post(PATH).inScenario("cut").whenScenarioStateIs("ok")
                .willReturn(okJson(toolUse(ADA, "tool_use"))));

        assertThat(llmock.generate(request("claude")).json()).isEqualTo(json(ADA));
        assertThat(body(requests().get(1)).get("max_tokens").asInt()).isEqualTo(2048);
    }

    @Test
    void reportsTruncationThatPersistsInsteadOfParsingHalfAnAnswer() {
        server.stubFor(post(PATH).willReturn(okJson(toolUse("{\"name\":\"Ada\"}", "max_tokens"))));

        assertThatThrownBy(() -> llmock.generate(request("claude"))).isInstanceOf(BackendException.class)
                .hasMessage("Backend \"claude\" (anthropic, model claude-3-5-haiku-latest) failed: POST http://127.0.0.1:"
                        + server.port() + " was cut off at the output token limit (stop_reason \"max_tokens\", max"
                        + " 4096 tokens), even after retrying with a larger budget and fewer records per call. Raise"
                        + " \"maxTokens\" of backend \"claude\", or ask for fewer or smaller records.");
        assertThat(requests()).hasSize(3);
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
            server.resetAll();
            // a fresh engine for each case, so that the circuit breaker does not carry failures over
            server.stubFor(post(PATH).willReturn(error(c.status(), c.type(), c.message())));

            BackendException e;
            try (Llmock fresh = LoopbackLlm.engine(LoopbackLlm.config(server, BACKEND), clock)) {
                e = catchThrowableOfType(() -> fresh.generate(request("claude")), BackendException.class);
            }

            assertThat(e.status()).isEqualTo(c.status());
            assertThat(e.url()).isEqualTo(url());
            assertThat(e.getMessage()).startsWith("Backend \"claude\" (anthropic, model claude-3-5-haiku-latest) failed:"
                    + " POST " + url() + " returned HTTP " + c.status() + (c.requests() > 1 ? " after 3 attempts" : "")
                    + ": " + c.type() + ": " + c.message() + ".").doesNotContain(API_KEY);
            assertThat(requests()).as("requests for HTTP %d", c.status()).hasSize(c.requests());
        }
    }

    @Test
    void retriesOverloadedAfterTheRetryAfterSecondsAndSucceeds() {
        server.stubFor(post(PATH).inScenario("529").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(529, "overloaded_error", "Overloaded").withHeader("retry-after", "1"))
                .willSetStateTo("ok"));
        server.stubFor(post(PATH).inScenario("529").whenScenarioStateIs("ok")
                .willReturn(okJson(toolUse(ADA, "tool_use"))));

        Fixture fixture = llmock.generate(request("claude"));

        assertThat(fixture.provenance().attempts()).isEqualTo(2);
        assertThat(llmock.stats().backend("claude").orElseThrow().retries()).isEqualTo(1);
    }

    @Test
    void retriesAConnectionResetUntilAttemptsRunOut() {
        server.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        BackendException e = catchThrowableOfType(() -> llmock.generate(request("claude")), BackendException.class);

        assertThat(e.getMessage()).contains(" got no response after 3 attempts: connection failed (");
        assertThat(requests()).hasSize(3);
    }

    @Test
    void givesUpOnAResponseSlowerThanTheTimeout() {
        server.stubFor(post(PATH).willReturn(okJson(toolUse(ADA, "tool_use")).withFixedDelay(600)));
        LlmockConfig config = LoopbackLlm.config(server, BACKEND, "{\"maxAttempts\":1}", "{\"enabled\":false}");
        BackendConfig backend = config.backends().get(0);
        HttpSettings settings = HttpSettings.of(backend, new BackendContext(config, clock, 0))
                .withTimeout(Duration.ofMillis(150));
        try (Llmock direct = Llmock.newBuilder().config(config).backend(AnthropicProvider.backend(backend, settings))
                .cache(false).build()) {
            BackendException e = catchThrowableOfType(() -> direct.generate(request("claude")), BackendException.class);
            assertThat(e.getMessage()).contains(" got no response within 150 ms.");
            assertThat(e.status()).isZero();
        }
    }

    @Test
    void acceptsABaseUrlThatAlreadyEndsInV1() {
        server.stubFor(post(PATH).willReturn(okJson(toolUse(ADA, "tool_use"))));
        try (Llmock v1 = LoopbackLlm.engine(LoopbackLlm.config(server, BACKEND.replace("{base}", "{base}/v1")),
                clock)) {
            assertThat(v1.generate(request("claude")).json()).isEqualTo(json(ADA));
        }
    }
}

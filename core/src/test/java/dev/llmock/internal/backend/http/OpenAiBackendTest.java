package dev.llmock.internal.backend.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.llmock.internal.backend.http.LoopbackLlm.API_KEY;
import static dev.llmock.internal.backend.http.LoopbackLlm.body;
import static dev.llmock.internal.backend.http.LoopbackLlm.json;
import static dev.llmock.internal.backend.http.LoopbackLlm.request;
import static dev.llmock.internal.backend.http.ProviderReplies.openAiCompletion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.llmock.BackendConfig;
import dev.llmock.BackendException;
import dev.llmock.BackendStats;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.internal.backend.ProviderSchema;
import dev.llmock.spi.BackendContext;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiBackendTest {
    private static final String PATH = "/v1/chat/completions";
    private static final String BACKEND = "{\"name\":\"gpt\",\"provider\":\"openai\",\"baseUrl\":\"{base}/v1\","
            + "\"model\":\"gpt-4o-mini\",\"apiKey\":\"" + API_KEY + "\",\"maxTokens\":500}";
    private static final String ADA = "{\"name\":\"Ada Lovelace\",\"age\":36}";

    @RegisterExtension
    final LoopbackLlm llm = LoopbackLlm.serving(BACKEND, PATH);

    @Test
    void sendsTheSchemaInTheNestedResponseFormatWithBearerKeyAndMaxTokens() {
        llm.stubFor(post(PATH).willReturn(okJson(openAiCompletion(ADA, "stop"))));

        Fixture fixture = llm.engine().generate(request("gpt"));

        assertThat(fixture.json()).isEqualTo(json(ADA));
        assertThat(fixture.provenance().model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(fixture.provenance().promptTokens()).isEqualTo(120L);
        assertThat(fixture.provenance().completionTokens()).isEqualTo(15L);
        assertThat(fixture.provenance().attempts()).isEqualTo(1);
        LoggedRequest sent = llm.requests().get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = body(sent);
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/1/content").asText()).startsWith("Generate one record.");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.get("seed").isInt()).isTrue();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(500);
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/name").asText()).isEqualTo("llmock_fixture");
        assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(body.at("/response_format/json_schema/schema")).isEqualTo(ProviderSchema
                .of(Shape.parse(LoopbackLlm.SHAPE), 1, LlmockConfig.Limits.DEFAULT).schema());
        assertThat(body.at("/response_format/json_schema/schema/properties/name/maxLength").asInt()).isEqualTo(200);
        assertThat(body.at("/messages/0/content").asText()).doesNotContain("JSON Schema");
    }

    @Test
    void sendsMaxCompletionTokensToApiOpenAiCom() throws Exception {
        llm.stubFor(post(PATH).willReturn(okJson(openAiCompletion(ADA, "stop"))));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        BackendConfig config = new BackendConfig("gpt", "openai", "http://api.openai.com:" + llm.port() + "/v1",
                "gpt-4o-mini", API_KEY, 500, true, 1, null, null, null, null, null);
        HttpSettings settings = HttpSettings.of(config, new BackendContext(LlmockConfig.none(), llm.clock(), 0))
                .withClient(new OkHttpClient.Builder().dns(host -> List.of(loopback)).build());
        try (Llmock direct = Llmock.newBuilder().backend(new OpenAiProvider.Factory().create(config, settings)).cache(false).build()) {
            direct.generate(request("gpt"));
        }

        JsonNode body = body(llm.requests().get(0));
        assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(500);
        assertThat(body.has("max_tokens")).isFalse();
    }

    @Test
    void asksForAnObjectWithExactlyNItemsAndUnwrapsThem() {
        String three = "{\"items\":[" + ADA + ",{\"name\":\"Alan Turing\",\"age\":41},{\"name\":\"Grace Hopper\","
                + "\"age\":85}]}";
        llm.stubFor(post(PATH).willReturn(okJson(openAiCompletion(three, "stop"))));

        Fixture fixture = llm.engine().generate(FixtureRequest.newBuilder().shape(LoopbackLlm.SHAPE).backend("gpt").count(3)
                .build());

        assertThat(fixture.json()).isEqualTo(json(three).get("items"));
        JsonNode schema = body(llm.requests().get(0)).at("/response_format/json_schema/schema");
        assertThat(schema.at("/type").asText()).isEqualTo("object");
        assertThat(schema.at("/required/0").asText()).isEqualTo("items");
        assertThat(schema.at("/properties/items/minItems").asInt()).isEqualTo(3);
        assertThat(schema.at("/properties/items/maxItems").asInt()).isEqualTo(3);
        assertThat(schema.at("/properties/items/items/properties/age/type").asText()).isEqualTo("integer");
    }

    @Test
    void fallsBackToJsonObjectWhenTheServerRejectsJsonSchemaAndRemembersIt() {
        llm.stubFor(post(PATH).inScenario("format").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Invalid parameter: 'response_format' of type 'json_schema'"
                                + " is not supported with this model.\",\"type\":\"invalid_request_error\","
                                + "\"param\":\"response_format\",\"code\":null}}"))
                .willSetStateTo("plain"));
        llm.stubFor(post(PATH).inScenario("format").whenScenarioStateIs("plain")
                .willReturn(okJson(openAiCompletion(ADA, "stop"))));

        Fixture first = llm.engine().generate(request("gpt"));
        llm.engine().generate(FixtureRequest.newBuilder().shape(LoopbackLlm.SHAPE).backend("gpt").prompt("another").build());

        assertThat(first.json()).isEqualTo(json(ADA));
        assertThat(first.provenance().attempts()).isEqualTo(2);
        List<LoggedRequest> sent = llm.requests();
        assertThat(sent).hasSize(3);
        assertThat(body(sent.get(0)).at("/response_format/type").asText()).isEqualTo("json_schema");
        for (LoggedRequest plain : sent.subList(1, 3)) {
            assertThat(body(plain).at("/response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
            assertThat(body(plain).at("/messages/0/content").asText()).contains("JSON Schema")
                    .contains("\"maxLength\" : 200");
        }
    }

    @Test
    void unwrapsJsonFromMarkdownFencesAndProse() {
        llm.stubFor(post(PATH).willReturn(okJson(openAiCompletion(
                "Here is the record you asked for:\n```json\n" + ADA + "\n```\nLet me know if you need more.", "stop"))));

        assertThat(llm.engine().generate(request("gpt")).json()).isEqualTo(json(ADA));
    }

    @Test
    void sendsInvalidJsonBackOnceAndUsesTheRepairedAnswer() {
        llm.stubFor(post(PATH).inScenario("repair").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(openAiCompletion("{\"name\": \"Ada\", \"age\": ", "stop"))).willSetStateTo("ok"));
        llm.stubFor(post(PATH).inScenario("repair").whenScenarioStateIs("ok")
                .willReturn(okJson(openAiCompletion(ADA, "stop"))));

        try (LogCapture log = new LogCapture()) {
            assertThat(llm.engine().generate(request("gpt")).json()).isEqualTo(json(ADA));
            assertThat(log.lines()).anyMatch(line -> line.contains("answered text that is not JSON"));
        }
        assertThat(body(llm.requests().get(1)).at("/messages/1/content").asText())
                .startsWith("Your previous answer was not valid JSON.");
    }

    @Test
    void retriesATruncatedAnswerWithTwiceTheBudget() {
        llm.stubFor(post(PATH).inScenario("cut").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(openAiCompletion("{\"name\":\"Ada Lov", "length"))).willSetStateTo("ok"));
        llm.stubFor(post(PATH).inScenario("cut").whenScenarioStateIs("ok")
                .willReturn(okJson(openAiCompletion(ADA, "stop"))));

        Fixture fixture = llm.engine().generate(request("gpt"));

        assertThat(fixture.json()).isEqualTo(json(ADA));
        assertThat(fixture.provenance().attempts()).isEqualTo(2);
        assertThat(fixture.provenance().completionTokens()).isEqualTo(30L);
        assertThat(body(llm.requests().get(1)).get("max_tokens").asInt()).isEqualTo(1000);
    }

    @Test
    void asksForFewerRecordsPerCallWhenAListIsTruncated() {
        String two = "{\"items\":[" + ADA + ",{\"name\":\"Alan Turing\",\"age\":41}]}";
        llm.stubFor(post(PATH).inScenario("cut").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(openAiCompletion("{\"items\":[" + ADA + ",{\"name\":\"Al", "length")))
                .willSetStateTo("halves"));
        llm.stubFor(post(PATH).inScenario("cut").whenScenarioStateIs("halves")
                .willReturn(okJson(openAiCompletion(two, "stop"))).willSetStateTo("second"));
        llm.stubFor(post(PATH).inScenario("cut").whenScenarioStateIs("second")
                .willReturn(okJson(openAiCompletion("{\"items\":[{\"name\":\"Grace Hopper\",\"age\":85},"
                        + "{\"name\":\"Linus Torvalds\",\"age\":54}]}", "stop"))));

        // a budget large enough that the engine sends all four in one call
        Fixture fixture;
        try (Llmock roomy = llm.engine(llm.config(BACKEND.replace("500", "8000")))) {
            fixture = roomy.generate(FixtureRequest.newBuilder().shape(LoopbackLlm.SHAPE).backend("gpt").count(4)
                    .build());
        }

        assertThat(fixture.json()).hasSize(4);
        assertThat(fixture.json().get(3).get("name").asText()).isEqualTo("Linus Torvalds");
        List<LoggedRequest> sent = llm.requests();
        assertThat(sent).hasSize(3);
        assertThat(body(sent.get(0)).at("/response_format/json_schema/schema/properties/items/maxItems").asInt())
                .isEqualTo(4);
        assertThat(body(sent.get(1)).at("/response_format/json_schema/schema/properties/items/maxItems").asInt())
                .isEqualTo(2);
        assertThat(body(sent.get(2)).at("/response_format/json_schema/schema/properties/items/maxItems").asInt())
                .isEqualTo(2);
    }

    @Test
    void failsWithoutRetryOnBadRequestNamingBackendUrlStatusAndProviderMessage() {
        llm.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Invalid value for 'temperature': must be between 0 and 2.\","
                        + "\"type\":\"invalid_request_error\",\"param\":\"temperature\",\"code\":\"invalid_value\"}}")));

        BackendException e = catchThrowableOfType(() -> llm.engine().generate(request("gpt")), BackendException.class);

        assertThat(e).hasMessage("Backend \"gpt\" (openai, model gpt-4o-mini) failed: POST " + llm.url()
                + " returned HTTP 400: Invalid value for 'temperature': must be between 0 and 2. The provider"
                + " rejected the request; check that the model \"gpt-4o-mini\" exists there and supports JSON output.");
        assertThat(e.backend()).isEqualTo("gpt");
        assertThat(e.url()).isEqualTo(llm.url());
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.retryable()).isFalse();
        assertThat(llm.requests()).hasSize(1);
    }

    @Test
    void failsWithoutRetryOnUnauthorizedAndRedactsAnEchoedKey() {
        llm.stubFor(post(PATH).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY + ". You can find your"
                        + " API key at https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\","
                        + "\"param\":null,\"code\":\"invalid_api_key\"}}")));

        assertThatThrownBy(() -> llm.engine().generate(request("gpt"))).isInstanceOf(BackendException.class)
                .hasMessage("Backend \"gpt\" (openai, model gpt-4o-mini) failed: POST " + llm.url() + " returned HTTP 401:"
                        + " Incorrect API key provided: <redacted>. You can find your API key at"
                        + " https://platform.openai.com/account/api-keys. Check \"apiKey\" of backend \"gpt\" in test"
                        + " (such as \"${OPENAI_API_KEY}\") and that the environment variable holds a valid key.");
        assertThat(llm.requests()).hasSize(1);
    }

    @Test
    void retriesServerErrorsAndRateLimitsUntilAttemptsRunOut() {
        llm.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini in organization org-x on"
                        + " requests per min (RPM): Limit 3, Used 3, Requested 1.\",\"type\":\"requests\","
                        + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}")));

        BackendException e = catchThrowableOfType(() -> llm.engine().generate(request("gpt")), BackendException.class);

        assertThat(e).hasMessage("Backend \"gpt\" (openai, model gpt-4o-mini) failed: POST " + llm.url() + " returned"
                + " HTTP 429 after 3 attempts: Rate limit reached for gpt-4o-mini in organization org-x on requests per"
                + " min (RPM): Limit 3, Used 3, Requested 1. The provider is busy or rate limiting: lower"
                + " \"maxConcurrentRequests\", raise \"retry.maxAttempts\", or name a \"fallback\" backend.");
        assertThat(e.retryable()).isTrue();
        assertThat(llm.requests()).hasSize(3);
        BackendStats stats = llm.engine().stats().backend("gpt").orElseThrow();
        assertThat(stats.calls()).isEqualTo(3);
        assertThat(stats.failures()).isEqualTo(3);
        assertThat(stats.retries()).isEqualTo(2);
    }

    @Test
    void honoursRetryAfterAndCountsTheRetry() {
        llm.stubFor(post(PATH).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "30")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}"))
                .willSetStateTo("ok"));
        llm.stubFor(post(PATH).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson(openAiCompletion(ADA, "stop"))));

        Fixture fixture = llm.engine().generate(request("gpt"));

        assertThat(fixture.json()).isEqualTo(json(ADA));
        assertThat(fixture.provenance().attempts()).isEqualTo(2);
        BackendStats stats = llm.engine().stats().backend("gpt").orElseThrow();
        assertThat(stats.calls()).isEqualTo(2);
        assertThat(stats.successes()).isEqualTo(1);
        assertThat(stats.retries()).isEqualTo(1);
        assertThat(stats.promptTokens()).isEqualTo(120);
    }

    @Test
    void retriesAServerErrorAndSucceeds() {
        llm.stubFor(post(PATH).inScenario("500").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"The server had an error while processing your request."
                                + " Sorry about that!\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"))
                .willSetStateTo("ok"));
        llm.stubFor(post(PATH).inScenario("500").whenScenarioStateIs("ok")
                .willReturn(okJson(openAiCompletion(ADA, "stop"))));

        assertThat(llm.engine().generate(request("gpt")).provenance().attempts()).isEqualTo(2);
    }

    @Test
    void retriesAConnectionResetAndReportsIt() {
        llm.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        BackendException e = catchThrowableOfType(() -> llm.engine().generate(request("gpt")), BackendException.class);

        assertThat(e.getMessage()).startsWith("Backend \"gpt\" (openai, model gpt-4o-mini) failed: POST " + llm.url()
                + " got no response after 3 attempts: connection failed (").endsWith("Check that the server runs at"
                + " http://127.0.0.1:" + llm.port() + "/v1 (\"baseUrl\" of backend \"gpt\").");
        assertThat(e.status()).isZero();
        assertThat(llm.requests()).hasSize(3);
    }

    @Test
    void givesUpOnAResponseSlowerThanTheTimeout() {
        llm.stubFor(post(PATH).willReturn(okJson(openAiCompletion(ADA, "stop")).withFixedDelay(600)));
        LlmockConfig config = llm.config(BACKEND, "{\"maxAttempts\":1}", "{\"enabled\":false}");
        BackendConfig backend = config.backends().get(0);
        HttpSettings settings = HttpSettings.of(backend, new BackendContext(config, llm.clock(), 0))
                .withTimeout(Duration.ofMillis(200));
        try (Llmock direct = Llmock.newBuilder().config(config).backend(new OpenAiProvider.Factory().create(backend, settings))
                .cache(false).build()) {
            assertThatThrownBy(() -> direct.generate(request("gpt"))).isInstanceOf(BackendException.class)
                    .hasMessage("Backend \"gpt\" (openai, model gpt-4o-mini) failed: POST " + llm.url() + " got no"
                            + " response within 200 ms. Raise \"timeoutSeconds\" of backend \"gpt\", or ask for fewer"
                            + " records per call.");
        }
    }

    @Test
    void neverShowsTheApiKeyInLogsMessagesStatsOrToString() {
        llm.stubFor(post(PATH).inScenario("mix").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom " + API_KEY + "\"}}"))
                .willSetStateTo("401"));
        llm.stubFor(post(PATH).inScenario("mix").whenScenarioStateIs("401")
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"bad key " + API_KEY
                        + "\"}}")).willSetStateTo("text"));
        llm.stubFor(post(PATH).inScenario("mix").whenScenarioStateIs("text")
                .willReturn(okJson(openAiCompletion("no json here, " + API_KEY, "stop"))).willSetStateTo("html"));
        llm.stubFor(post(PATH).inScenario("mix").whenScenarioStateIs("html")
                .willReturn(aResponse().withStatus(200).withBody("<html>" + API_KEY + "</html>")));
        List<String> seen = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                try {
                    llm.engine().generate(FixtureRequest.newBuilder().shape(LoopbackLlm.SHAPE).backend("gpt").prompt("p" + i)
                            .maxAttempts(1).build());
                } catch (RuntimeException e) {
                    seen.add(e.getMessage());
                    seen.add(String.valueOf(e));
                }
            }
            seen.addAll(log.lines());
            assertThat(log.lines()).isNotEmpty();
        }
        seen.add(llm.engine().stats().report());
        seen.add(llm.engine().stats().toString());
        seen.add(llm.config(BACKEND).toString());
        assertThat(seen).hasSizeGreaterThan(8).noneMatch(text -> text.contains(API_KEY));
    }
}

package dev.llmock.internal.backend.http;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.llmock.internal.backend.http.LoopbackLlm.ADA;
import static dev.llmock.internal.backend.http.LoopbackLlm.API_KEY;
import static dev.llmock.internal.backend.http.LoopbackLlm.body;
import static dev.llmock.internal.backend.http.LoopbackLlm.json;
import static dev.llmock.internal.backend.http.ProviderReplies.ollamaChat;
import static dev.llmock.internal.backend.http.ProviderReplies.openAiCompletion;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.llmock.BackendConfig;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.internal.backend.ProviderSchema;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendContext;
import java.net.InetAddress;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schema each provider is sent fits its documented structured-output rules, against loopback servers that apply
 * them: OpenAI refuses a schema outside its strict subset with its own error body ({@link OpenAiStrictRules}).
 */
class ProviderSchemaRulesTest {
    private static final String PATH = "/v1/chat/completions";
    private static final Shape PERSON = Shape.fromJsonSchema(json("""
            {"type": "object",
             "properties": {
               "name": {"type": "string", "minLength": 2, "maxLength": 40},
               "nickname": {"type": "string"},
               "homepage": {"type": "string", "format": "uri"},
               "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true, "maxItems": 3}},
             "required": ["name", "homepage", "tags"]}
            """));
    private static final Shape SCORES = Shape.fromJsonSchema(json("""
            {"type": "object",
             "properties": {"scores": {"type": "object", "additionalProperties": {"type": "integer"}}},
             "required": ["scores"]}
            """));

    @RegisterExtension
    final LoopbackLlm llm = LoopbackLlm.serving("{\"name\":\"gpt\",\"provider\":\"openai\",\"baseUrl\":\"{base}/v1\","
            + "\"model\":\"gpt-4o-mini\",\"apiKey\":\"" + API_KEY + "\"}", PATH);

    /** An engine whose backend "gpt" is api.openai.com, resolved to this loopback server. */
    private Llmock openAi() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        BackendConfig config = new BackendConfig("gpt", "openai", "http://api.openai.com:" + llm.port() + "/v1",
                "gpt-4o-mini", API_KEY, null, true, 1, null, null, null, null, null);
        HttpSettings settings = HttpSettings.of(config, new BackendContext(LlmockConfig.none(), llm.clock(), 0))
                .withClient(new OkHttpClient.Builder().dns(host -> List.of(loopback)).build());
        Backend backend = new OpenAiProvider.Factory().create(config, settings);
        return llm.engine(LlmockConfig.none(), backend);
    }

    @Test
    void openAiGetsEveryPropertyRequiredOptionalOnesNullableAndOnlySupportedKeywords() throws Exception {
        llm.stubFor(post(PATH).willReturn(okJson(openAiCompletion("{\"name\":\"Ada\",\"nickname\":null,"
                + "\"homepage\":\"https://ada.example\",\"tags\":[\"math\",\"poetry\"]}", "stop"))
                .withTransformers(OpenAiStrictRules.NAME)));

        Fixture fixture = openAi().generate(FixtureRequest.newBuilder().shape(PERSON).backend("gpt").build());

        assertThat(fixture.json()).isEqualTo(json("{\"name\":\"Ada\",\"homepage\":\"https://ada.example\","
                + "\"tags\":[\"math\",\"poetry\"]}"));
        assertThat(fixture.provenance().attempts()).isEqualTo(1);
        assertThat(llm.requests()).hasSize(1);
        JsonNode format = body(llm.requests().get(0)).get("response_format");
        assertThat(format.at("/type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        assertThat(format.at("/json_schema/schema")).isEqualTo(json("""
                {"type": "object",
                 "properties": {
                   "homepage": {"type": "string", "description": "(format uri; at most 200 characters)"},
                   "name": {"type": "string", "description": "(at least 2 characters; at most 40 characters)"},
                   "nickname": {"type": ["string", "null"], "description": "(at most 200 characters)"},
                   "tags": {"type": "array", "items": {"type": "string", "description": "(at most 200 characters)"},
                            "maxItems": 3, "description": "(items all different)"}},
                 "required": ["name", "nickname", "homepage", "tags"],
                 "additionalProperties": false}
                """));
    }

    @Test
    void openAiGetsAShapeWithFreeKeysUnchangedWithStrictFalse() throws Exception {
        llm.stubFor(post(PATH).willReturn(okJson(openAiCompletion("{\"scores\":{\"ada\":3,\"alan\":5}}", "stop"))
                .withTransformers(OpenAiStrictRules.NAME)));

        Fixture fixture = openAi().generate(FixtureRequest.newBuilder().shape(SCORES).backend("gpt").build());

        assertThat(fixture.json()).isEqualTo(json("{\"scores\":{\"ada\":3,\"alan\":5}}"));
        assertThat(llm.requests()).hasSize(1);
        JsonNode jsonSchema = body(llm.requests().get(0)).at("/response_format/json_schema");
        assertThat(jsonSchema.get("strict").asBoolean()).isFalse();
        assertThat(jsonSchema.get("schema")).isEqualTo(ProviderSchema.of(SCORES, 1, LlmockConfig.Limits.DEFAULT)
                .schema());
    }

    @Test
    void aRejectedSchemaFallsBackToPlainJsonForThatShapeOnlyAndIsLoggedOnce() {
        // 127.0.0.1 is no OpenAI host: it is sent the whole schema, with maxLength, which these rules refuse
        llm.stubFor(post(PATH).willReturn(okJson(openAiCompletion(ADA, "stop"))
                .withTransformers(OpenAiStrictRules.NAME)));
        llm.stubFor(post(PATH).withRequestBody(containing("active")).willReturn(okJson(openAiCompletion(
                "{\"age\":36,\"active\":true}", "stop")).withTransformers(OpenAiStrictRules.NAME)));
        Llmock llmock = llm.engine();

        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            llmock.generate(FixtureRequest.newBuilder().shape(LoopbackLlm.SHAPE).backend("gpt").prompt("1").build());
            llmock.generate(FixtureRequest.newBuilder().shape(LoopbackLlm.SHAPE).backend("gpt").prompt("2").build());
            Fixture other = llmock.generate(FixtureRequest.newBuilder().shape("{\"age\":0,\"active\":true}")
                    .backend("gpt").build());
            assertThat(other.json()).isEqualTo(json("{\"age\":36,\"active\":true}"));
            warnings = log.lines().stream().filter(line -> line.startsWith("WARNING")).toList();
        }

        List<LoggedRequest> sent = llm.requests();
        assertThat(sent).extracting(request -> body(request).at("/response_format/type").asText())
                .containsExactly("json_schema", "json_object", "json_object", "json_schema");
        assertThat(warnings).singleElement().isEqualTo("WARNING llmock: Backend \"gpt\" (openai, model gpt-4o-mini)"
                + " rejected the JSON schema of the shape " + Shape.parse(LoopbackLlm.SHAPE).canonical().substring(0, 117)
                + "... (HTTP 400: Invalid schema for response_format 'llmock_fixture': In context=('properties',"
                + " 'name'), 'maxLength' is not permitted.); asking it for plain JSON with the schema in the prompt for"
                + " this shape from now on. Answers are still checked against the shape; other shapes keep their"
                + " schema.");
    }

    @Test
    void ollamaGetsUnanchoredPatternsInWordsBecauseLlamaCppWouldRefuseThem() {
        LoopbackLlm ollama = llm;
        ollama.stubFor(post("/api/chat").willReturn(okJson(ollamaChat("{\"code\":\"ABC-12\",\"slug\":\"abc\"}",
                "stop"))));
        LlmockConfig config = LlmockConfig.parse("{\"backends\":[{\"name\":\"local\",\"provider\":\"ollama\","
                + "\"baseUrl\":\"http://127.0.0.1:" + llm.port() + "\",\"model\":\"llama3.2\"}]}", "test");
        Shape codes = Shape.fromJsonSchema(json("""
                {"type": "object",
                 "properties": {"code": {"type": "string", "pattern": "[A-Z]{3}-[0-9]+"},
                                "slug": {"type": "string", "pattern": "^[a-z]+$"}},
                 "required": ["code", "slug"]}
                """));

        llm.engine(config).generate(FixtureRequest.newBuilder().shape(codes).backend("local").build());

        JsonNode format = body(llm.requests("/api/chat").get(0)).get("format");
        assertThat(format.at("/properties/code").toString()).isEqualTo("{\"type\":\"string\",\"maxLength\":200,"
                + "\"description\":\"(matches the regular expression [A-Z]{3}-[0-9]+)\"}");
        assertThat(format.at("/properties/slug/pattern").asText()).isEqualTo("^[a-z]+$");
        assertThat(body(llm.requests("/api/chat").get(0)).at("/messages/0/content").asText())
                .contains("[A-Z]{3}-[0-9]+");
    }
}

package dev.llmock.cassette;

import static dev.llmock.cassette.TestBackend.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionTest {
    static final String OPENAI = "sk-proj-Abc123def456ghi789JKL";
    /** Fake, and split so that secret scanners do not take the source for a leak. */
    static final String ANTHROPIC = "sk-" + "ant-api03-ZyXwVuT987654321-_abc";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    static final String GOOGLE = "AIzaSyA1234567890abcdefghijklmnopqrstuv"; // AIza + 35, as Google issues them
    static final String ACME = "ACME-123456";
    static final List<String> SECRETS = List.of(OPENAI, ANTHROPIC, JWT, GOOGLE, ACME, "hunter2", "s3cr3t-value",
            "plain-token-value", "key-in-header", "key-in-x-header", "basic-creds");

    @TempDir
    Path dir;

    private JsonNode context() throws Exception {
        return Json.MAPPER.readTree("{"
                + "\"path\": \"/api/users\","
                + "\"headers\": {\"Authorization\": \"Bearer " + JWT + "\", \"X-Api-Key\": \"key-in-x-header\","
                + "  \"x-custom\": \"Basic dXNlcjpwYXNzd29yZA==\"},"
                + "\"apiKey\": \"key-in-header\","
                + "\"api_key\": \"" + ANTHROPIC + "\","
                + "\"password\": \"hunter2\","
                + "\"client_secret\": \"s3cr3t-value\","
                + "\"access_token\": \"plain-token-value\","
                + "\"credentials\": {\"user\": \"basic-creds\"},"
                + "\"note\": \"call with " + OPENAI + " please\","
                + "\"order\": \"" + ACME + "\","
                + "\"tokenCount\": 3"
                + "}");
    }

    @Test
    void secretsInTheRequestFixtureAndProvenanceNeverReachTheCassette() throws Exception {
        Cassettes cassettes = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).redact("ACME-\\d{6}")
                .build();
        Cassette cassette = cassettes.open("ApiTest");
        TestBackend backend = TestBackend.scripted((r, call) -> {
            ObjectNode user = Json.MAPPER.createObjectNode();
            user.put("name", "Ada");
            user.put("apiKey", GOOGLE);
            user.put("bio", "my key is " + OPENAI);
            user.put("order", ACME);
            return user;
        });
        FixtureRequest request = request("{\"name\":\"string\",\"apiKey\":\"string\",\"bio\":\"string\","
                + "\"order\":\"string\"}").prompt("use " + ANTHROPIC).rule("never show " + OPENAI)
                .context(context()).label("ApiTest.calls(User)").build();
        Fixture fixture;
        try (Llmock llmock = Llmock.newBuilder().interceptor(cassette.interceptor())
                .interceptor(chain -> {
                    Fixture generated = chain.proceed(chain.request());
                    return generated.withProvenance(generated.provenance().withDetail("url",
                            Json.MAPPER.getNodeFactory().textNode("https://gen.example/v1?key=" + GOOGLE + "&alt=json")));
                })
                .backend(backend).cache(false).build()) {
            fixture = llmock.generate(request);
        }
        cassette.close();
        String text = Files.readString(cassette.path());

        assertThat(SECRETS).allSatisfy(secret -> assertThat(text).doesNotContain(secret));
        JsonNode entry = Json.MAPPER.readTree(text).path("entries").path(request.key().hash());
        JsonNode stored = entry.path("request").path("context");
        assertThat(stored.path("headers").path("Authorization").asText()).isEqualTo("<redacted>");
        assertThat(stored.path("headers").path("X-Api-Key").asText()).isEqualTo("<redacted>");
        assertThat(stored.path("headers").path("x-custom").asText()).isEqualTo("Basic <redacted>");
        assertThat(stored.path("apiKey").asText()).isEqualTo("<redacted>");
        assertThat(stored.path("api_key").asText()).isEqualTo("<redacted>");
        assertThat(stored.path("password").asText()).isEqualTo("<redacted>");
        assertThat(stored.path("client_secret").asText()).isEqualTo("<redacted>");
        assertThat(stored.path("access_token").asText()).isEqualTo("<redacted>");
        assertThat(stored.path("credentials").path("user").asText()).isEqualTo("<redacted>");
        assertThat(stored.path("note").asText()).isEqualTo("call with <redacted> please");
        assertThat(stored.path("order").asText()).isEqualTo("<redacted>");
        assertThat(stored.path("tokenCount").asInt()).isEqualTo(3);
        assertThat(stored.path("path").asText()).isEqualTo("/api/users");
        assertThat(entry.path("request").path("prompt").asText()).isEqualTo("use <redacted>");
        assertThat(entry.path("request").path("rules").get(0).asText()).isEqualTo("never show <redacted>");
        assertThat(entry.path("fixture")).isEqualTo(Json.MAPPER.readTree("{\"name\":\"Ada\",\"apiKey\":\"<redacted>\","
                + "\"bio\":\"my key is <redacted>\",\"order\":\"<redacted>\"}"));
        assertThat(entry.path("provenance").path("details").path("url").asText())
                .isEqualTo("https://gen.example/v1?key=<redacted>&alt=json");
        assertThat(entry.path("provenance").path("promptTokens").asLong()).isEqualTo(10);
        assertThat(fixture.json()).as("the recording run sees what replays will see").isEqualTo(entry.path("fixture"));
    }

    @Test
    void generatedTestDataUnderSecretSoundingNamesIsKeptWhenItLooksLikeNoRealKey() throws Exception {
        Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build().open("ApiTest");
        TestBackend backend = TestBackend.scripted((r, call) -> Json.MAPPER.createObjectNode()
                .put("username", "ada").put("password", "Tr0ub4dor&3").put("token", "abc123"));
        FixtureRequest request = request("{\"username\":\"string\",\"password\":\"string\",\"token\":\"string\"}")
                .build();
        try (Llmock llmock = Llmock.newBuilder().interceptor(cassette.interceptor()).backend(backend).cache(false)
                .build()) {
            llmock.generate(request);
        }
        cassette.close();

        JsonNode fixture = Json.MAPPER.readTree(Files.readString(cassette.path())).path("entries")
                .path(request.key().hash()).path("fixture");
        assertThat(fixture.path("password").asText()).isEqualTo("Tr0ub4dor&3");
        assertThat(fixture.path("token").asText()).isEqualTo("abc123");
    }

    @Test
    void aRedactedRequestStillReplaysUnderItsOriginalKey() throws Exception {
        FixtureRequest request = request("{\"name\":\"string\"}").context(context()).build();
        try (Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build().open("ApiTest")) {
            TestBackend.generate(cassette, TestBackend.synthetic(), request);
        }
        Cassette replaying = Cassettes.newBuilder().directory(dir).mode(RecordMode.REPLAY).build().open("ApiTest");
        TestBackend backend = TestBackend.synthetic();

        TestBackend.generate(replaying, backend, request);

        assertThat(backend.calls).hasValue(0);
    }

    @Test
    void theReplayMissMessageShowsTheRequestRedacted() throws Exception {
        Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.REPLAY).redact("ACME-\\d{6}").build()
                .open("ApiTest");
        FixtureRequest request = request("{\"name\":\"string\"}").prompt("key " + OPENAI).context(context()).build();

        assertThatThrownBy(() -> TestBackend.generate(cassette, TestBackend.synthetic(), request))
                .isInstanceOf(ReplayMissException.class)
                .satisfies(e -> assertThat(SECRETS).allSatisfy(secret -> assertThat(e.getMessage())
                        .doesNotContain(secret)))
                .hasMessageContaining("\"prompt\":\"key <redacted>\"");
    }

    @Test
    void anInvalidRedactionPatternFailsFastNamingIt() {
        assertThatThrownBy(() -> Cassettes.newBuilder().redact("ACME-(\\d").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid redaction pattern \"ACME-(\\d\": Unclosed group. Patterns are Java regular"
                        + " expressions (java.util.regex.Pattern).");
    }
}

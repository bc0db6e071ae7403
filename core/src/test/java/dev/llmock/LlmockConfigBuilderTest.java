package dev.llmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LlmockConfig#newBuilder()} makes the configuration {@code llmock.json} makes, checked by the same rules. */
class LlmockConfigBuilderTest {

    @Test
    void theBuilderMakesWhatTheSameFileMakes() {
        LlmockConfig fromFile = LlmockConfig.parse("""
                {"temperature": 0.2, "timeoutSeconds": 30, "defaultBackend": "fast",
                 "backends": [
                   {"name": "fast", "provider": "ollama", "baseUrl": "http://127.0.0.1:11434", "model": "llama3.2",
                    "maxTokens": 2048, "maxConcurrentRequests": 2, "fallback": "cloud"},
                   {"name": "cloud", "provider": "lmstudio", "baseUrl": "http://127.0.0.1:1234/v1", "model": "qwen",
                    "apiKey": "sk-test-1234567890", "weight": 2, "costPer1kInputTokens": 0.5, "timeoutSeconds": 9},
                   {"name": "off", "provider": "openai", "model": "gpt-4o-mini", "enabled": false}],
                 "routing": {"simple": "fast", "complex": "cloud"},
                 "retry": {"maxAttempts": 5, "baseDelayMs": 10, "maxDelayMs": 100},
                 "circuitBreaker": {"enabled": false, "failureThreshold": 2, "openSeconds": 3},
                 "limits": {"maxStringLength": 50, "maxArrayItems": 5},
                 "cassettes": {"directory": "build/cassettes", "maxAge": "P30D", "redact": ["ACME-\\\\d+"],
                               "ignore": ["body.requestId", "query.ts"]}}
                """, "llmock.json");

        LlmockConfig inCode = LlmockConfig.newBuilder()
                .temperature(0.2)
                .timeoutSeconds(30)
                .defaultBackend("fast")
                .backend(BackendConfig.newBuilder("fast").provider("ollama").baseUrl("http://127.0.0.1:11434")
                        .model("llama3.2").maxTokens(2048).maxConcurrentRequests(2).fallback("cloud").build())
                .backend(BackendConfig.newBuilder("cloud").provider("lmstudio").baseUrl("http://127.0.0.1:1234/v1")
                        .model("qwen").apiKey("sk-test-1234567890").weight(2).costPer1kInputTokens(0.5)
                        .timeoutSeconds(9).build())
                .backend(BackendConfig.newBuilder("off").provider("openai").model("gpt-4o-mini").enabled(false)
                        .build())
                .route("simple", "fast")
                .route("complex", "cloud")
                .retry(new LlmockConfig.Retry(5, 10, 100))
                .circuitBreaker(new LlmockConfig.CircuitBreaker(false, 2, 3))
                .limits(new LlmockConfig.Limits(50, 5))
                .cassettes(new LlmockConfig.CassettesSection(Path.of("build/cassettes"), Duration.ofDays(30),
                        List.of("ACME-\\d+"), List.of("body.requestId", "query.ts")))
                .build();

        assertThat(inCode.source()).isEqualTo("LlmockConfig.newBuilder()");
        assertThat(inCode).usingRecursiveComparison().ignoringFields("source").isEqualTo(fromFile);
        assertThat(inCode.backends().get(1).provider()).isEqualTo("openai");
        assertThat(inCode.backends().get(2).baseUrl()).isEqualTo("https://api.openai.com/v1");
    }

    @Test
    void anEmptyBuilderIsTheConfigurationOfNoFile() {
        LlmockConfig config = LlmockConfig.newBuilder().build();

        assertThat(config).usingRecursiveComparison().ignoringFields("source").isEqualTo(LlmockConfig.none());
        assertThat(config.resolveDefaultBackend()).isEqualTo("synthetic");
    }

    @Test
    void badValuesFailAsInAFileNamingTheBuilder() {
        assertThatThrownBy(() -> LlmockConfig.newBuilder()
                .backend(BackendConfig.newBuilder("local").provider("ollama").baseUrl("localhost:11434").build())
                .build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("LlmockConfig.newBuilder(): backends[0].baseUrl is \"localhost:11434\", which is not an"
                        + " absolute http or https URL such as http://localhost:11434.");
        assertThatThrownBy(() -> LlmockConfig.newBuilder()
                .backend(BackendConfig.newBuilder("local").provider("olama").build()).build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("LlmockConfig.newBuilder(): backends[0].provider is \"olama\"; allowed values: [anthropic,"
                        + " ollama, openai, synthetic] (lmstudio is an alias of openai).");
        assertThatThrownBy(() -> LlmockConfig.newBuilder().defaultBackend("fast").build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("LlmockConfig.newBuilder(): defaultBackend is \"fast\", which is not a configured backend;"
                        + " allowed values: [synthetic].");
        assertThatThrownBy(() -> LlmockConfig.newBuilder().temperature(3).build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("LlmockConfig.newBuilder(): temperature is 3.0; expected a number from 0.0 to 2.0.");
    }

    @Test
    void aBadKeyIsNeverShown() {
        assertThatThrownBy(() -> LlmockConfig.newBuilder()
                .backend(BackendConfig.newBuilder("cloud").provider("openai").apiKey("sk-secret-0123456789")
                        .maxTokens(0).build())
                .build())
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("sk-secret")
                .hasMessage("LlmockConfig.newBuilder(): backends[0].maxTokens is 0; expected a whole number from 1 to"
                        + " 10000000.");
        BackendConfig backend = BackendConfig.newBuilder("cloud").provider("openai").apiKey("sk-secret-0123456789")
                .build();
        assertThat(backend.toString()).doesNotContain("sk-secret").contains("apiKey=<redacted>");
    }

    @Test
    void eachOptionIsSetOnce() {
        assertThatThrownBy(() -> LlmockConfig.newBuilder().temperature(0.1).temperature(0.2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("temperature was already set on this builder; set each option once.");
        assertThatThrownBy(() -> BackendConfig.newBuilder("fast").model("a").model("b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("model was already set on this builder; set each option once.");
    }
}

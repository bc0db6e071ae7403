package dev.llmock.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.BackendConfig;
import dev.llmock.ConfigException;
import dev.llmock.LlmockConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {
    private static final String SECRET = "sk-test-0123456789abcdef";
    private static final String UNQUOTED_SECRET = "AKIA0123456789SECRETVALUE";
    private static final Function<String, String> ENV = Map.of("OPENAI_API_KEY", SECRET, "HOST", "gpu-box")::get;
    private static final Placeholders PLACEHOLDERS = new Placeholders(name -> null, ENV);

    private static LlmockConfig read(String json) {
        return ConfigReader.read(json, "llmock.json");
    }

    @Test
    void readsEveryKeyOfLlmocksOwnFormat() {
        LlmockConfig config = read("""
                {
                  "temperature": 0.2,
                  "timeoutSeconds": 30,
                  "defaultBackend": "quality",
                  "backends": [
                    {"name": "fast", "provider": "ollama", "baseUrl": "http://${HOST}:11434", "model": "llama3.2",
                     "maxTokens": 2048, "weight": 2, "maxConcurrentRequests": 4, "fallback": "quality",
                     "timeoutSeconds": 10},
                    {"name": "quality", "provider": "openai", "model": "gpt-4o-mini", "apiKey": "${OPENAI_API_KEY}",
                     "costPer1kInputTokens": 0.15, "costPer1kOutputTokens": 0.6, "enabled": true},
                    {"name": "claude", "provider": "anthropic", "model": "claude-3-5-haiku", "enabled": false},
                    {"name": "local", "provider": "synthetic"}
                  ],
                  "routing": {"simple": "fast", "complex": "quality"},
                  "retry": {"maxAttempts": 5, "baseDelayMs": 100, "maxDelayMs": 2000},
                  "circuitBreaker": {"enabled": false, "failureThreshold": 3, "openSeconds": 9},
                  "limits": {"maxStringLength": 50, "maxArrayItems": 7},
                  "cassettes": {"maxAge": "P30D"}
                }
                """);

        assertThat(config.temperature()).isEqualTo(0.2);
        assertThat(config.timeoutSeconds()).isEqualTo(30);
        assertThat(config.defaultBackend()).isEqualTo("quality");
        assertThat(config.resolveDefaultBackend()).isEqualTo("quality");
        assertThat(config.backends()).containsExactly(
                new BackendConfig("fast", "ollama", "http://${HOST}:11434", "llama3.2", null, 2048, true, 2, 4,
                        "quality", null, null, 10),
                new BackendConfig("quality", "openai", "https://api.openai.com/v1", "gpt-4o-mini", "${OPENAI_API_KEY}",
                        null, true, 1, null, null, 0.15, 0.6, null),
                new BackendConfig("claude", "anthropic", "https://api.anthropic.com", "claude-3-5-haiku", null, null,
                        false, 1, null, null, null, null, null),
                new BackendConfig("local", "synthetic", null, null, null, null, true, 1, null, null, null, null, null));
        assertThat(config.routing()).isEqualTo(Map.of("simple", "fast", "complex", "quality"));
        assertThat(config.route("medium")).isEmpty();
        assertThat(config.retry()).isEqualTo(new LlmockConfig.Retry(5, 100, 2000));
        assertThat(config.circuitBreaker()).isEqualTo(new LlmockConfig.CircuitBreaker(false, 3, 9));
        assertThat(config.limits()).isEqualTo(new LlmockConfig.Limits(50, 7));
        assertThat(config.cassettes().maxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(config.source()).isEqualTo("llmock.json");
        assertThat(config.backendsNamed("claude")).isEmpty();
        assertThat(PLACEHOLDERS.resolve(config.backends().get(0), config.source()).baseUrl())
                .isEqualTo("http://gpu-box:11434");
        assertThat(PLACEHOLDERS.resolve(config.backends().get(1), config.source()).apiKey()).isEqualTo(SECRET);
    }

    @Test
    void absentKeysTakeTheirDefaults() {
        LlmockConfig config = read("{\"backends\": [{\"name\": \"a\", \"provider\": \"synthetic\"}]}");

        assertThat(config.temperature()).isNull();
        assertThat(config.timeoutSeconds()).isNull();
        assertThat(config.resolveDefaultBackend()).isEqualTo("a");
        assertThat(config.retry()).isEqualTo(LlmockConfig.Retry.DEFAULT);
        assertThat(config.circuitBreaker()).isEqualTo(LlmockConfig.CircuitBreaker.DEFAULT);
        assertThat(config.limits()).isEqualTo(LlmockConfig.Limits.DEFAULT);
        assertThat(config.isEmpty()).isFalse();
        assertThat(read("{}").isEmpty()).isTrue();
        assertThat(read("{}").resolveDefaultBackend()).isEqualTo("synthetic");
    }

    @Test
    void readsLlmockApisOwnFileUnchanged() {
        LlmockConfig config = read("""
                {
                  "Logging": {"LogLevel": {"Default": "Information"}},
                  "MockLlmApi": {
                    "Temperature": 1.2,
                    "TimeoutSeconds": 45,
                    "MaxRetryAttempts": 4,
                    "EnableCircuitBreaker": false,
                    "SomethingLlmockIgnores": true,
                    "LlmBackends": [
                      {"Name": "ollama-llama3", "Provider": "ollama", "BaseUrl": "http://localhost:11434/v1/",
                       "ModelName": "llama3", "Enabled": true, "Weight": 3, "MaxTokens": 4096},
                      {"Name": "lmstudio", "Provider": "LMStudio", "BaseUrl": "http://localhost:1234/v1/",
                       "ModelName": "local-model", "ApiKey": "${OPENAI_API_KEY}", "Priority": 10}
                    ]
                  }
                }
                """);

        assertThat(config.temperature()).isEqualTo(1.2);
        assertThat(config.timeoutSeconds()).isEqualTo(45);
        assertThat(config.retry().maxAttempts()).isEqualTo(4);
        assertThat(config.circuitBreaker().enabled()).isFalse();
        assertThat(config.backends()).containsExactly(
                new BackendConfig("ollama-llama3", "ollama", "http://localhost:11434/v1/", "llama3", null, 4096, true,
                        3, null, null, null, null, null),
                new BackendConfig("lmstudio", "openai", "http://localhost:1234/v1/", "local-model", "${OPENAI_API_KEY}",
                        null, true, 1, null, null, null, null, null));
    }

    @Test
    void readsLlmockApisBackendsKeyAndDisabledRetryPolicy() {
        LlmockConfig config = read("{\"MockLlmApi\": {\"EnableRetryPolicy\": false, \"Backends\": ["
                + "{\"Name\": \"main\", \"Provider\": \"openai\", \"ModelName\": \"gpt-4o\"}]}}");

        assertThat(config.backends()).extracting(BackendConfig::name, BackendConfig::model)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("main", "gpt-4o"));
        assertThat(config.retry().maxAttempts()).isEqualTo(1);
    }

    @Test
    void lmstudioIsAnAliasOfOpenai() {
        LlmockConfig config = read("{\"backends\": [{\"name\": \"local\", \"provider\": \"lmstudio\","
                + " \"baseUrl\": \"http://localhost:1234/v1\"}]}");

        assertThat(config.backends().get(0).provider()).isEqualTo("openai");
    }

    @Test
    void anUnsetVariableIsNoErrorWhenTheFileIsRead() {
        LlmockConfig config = read("{\"backends\": [{\"name\": \"q\", \"provider\": \"openai\","
                + " \"apiKey\": \"${ANTHROPIC_KEY_NOT_SET}\"}, {\"name\": \"off\", \"provider\": \"openai\","
                + " \"apiKey\": \"${NOT_SET}\", \"enabled\": false}]}");

        assertThat(config.backends()).extracting(BackendConfig::apiKey)
                .containsExactly("${ANTHROPIC_KEY_NOT_SET}", "${NOT_SET}");
    }

    @Test
    void placeholdersAreRejectedWhereLlmockWouldNotResolveThem() {
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"${NAME}\", \"provider\": \"openai\"}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llmock.json: backends[0].name is \"${NAME}\", but ${...} placeholders are resolved only in"
                        + " baseUrl, model, apiKey and a provider's own keys. Write the value itself.");
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"a\", \"provider\": \"openai\","
                + " \"fallback\": \"${FALLBACK:-b}\"}]}"))
                .hasMessageContaining("backends[0].fallback is \"${FALLBACK:-b}\", but ${...} placeholders");
    }

    @Test
    void malformedPlaceholdersFailWhenTheFileIsReadWithoutShowingAKey() {
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"a\", \"provider\": \"openai\","
                + " \"model\": \"${MODEL\"}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llmock.json: backends[0].model has a malformed placeholder at \"${MODEL\"; write ${VAR} or"
                        + " ${VAR:-default} (VAR: letters, digits, '_' and '.', not starting with a digit).");
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"a\", \"provider\": \"openai\","
                + " \"apiKey\": \"${" + SECRET + "}\"}]}"))
                .hasMessage("llmock.json: backends[0].apiKey has a malformed placeholder; write ${VAR} or"
                        + " ${VAR:-default} (VAR: letters, digits, '_' and '.', not starting with a digit).");
    }

    @Test
    void fallbackCyclesAreRejectedNamingTheCycle() {
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"a\", \"provider\": \"synthetic\","
                + " \"fallback\": \"b\"}, {\"name\": \"b\", \"provider\": \"synthetic\", \"fallback\": \"a\"}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llmock.json: backends[0].fallback makes a fallback cycle: a -> b -> a. A chain of fallbacks"
                        + " must end at a backend without one; remove one of these fallbacks.");
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"x\", \"provider\": \"synthetic\","
                + " \"fallback\": \"a\"}, {\"name\": \"a\", \"provider\": \"synthetic\", \"fallback\": \"b\"},"
                + " {\"name\": \"b\", \"provider\": \"synthetic\", \"fallback\": \"c\"},"
                + " {\"name\": \"c\", \"provider\": \"synthetic\", \"fallback\": \"a\"}]}"))
                .hasMessageStartingWith("llmock.json: backends[1].fallback makes a fallback cycle: a -> b -> c -> a.");
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"self\", \"provider\": \"synthetic\","
                + " \"fallback\": \"self\"}]}"))
                .hasMessageStartingWith("llmock.json: backends[0].fallback makes a fallback cycle: self -> self.");
        assertThatThrownBy(() -> read("{\"MockLlmApi\": {\"LlmBackends\": [{\"Name\": \"p\", \"Provider\":"
                + " \"ollama\", \"ModelName\": \"m1\"}, {\"Name\": \"p\", \"Provider\": \"ollama\", \"ModelName\":"
                + " \"m2\", \"Fallback\": \"q\"}, {\"Name\": \"q\", \"Provider\": \"ollama\", \"Fallback\": \"p\"}]}}"))
                .hasMessageStartingWith("llmock.json: MockLlmApi.backends[1].fallback makes a fallback cycle: p -> q -> p.");
    }

    @Test
    void fallbackChainsWithoutACycleAndDisabledLinksAreFine() {
        LlmockConfig config = read("{\"backends\": [{\"name\": \"a\", \"provider\": \"synthetic\","
                + " \"fallback\": \"b\"}, {\"name\": \"b\", \"provider\": \"synthetic\", \"fallback\": \"c\"},"
                + " {\"name\": \"c\", \"provider\": \"synthetic\"}, {\"name\": \"c\", \"provider\": \"synthetic\","
                + " \"model\": \"other\", \"fallback\": \"a\", \"enabled\": false}]}");

        assertThat(config.backends()).hasSize(4);
    }

    @Test
    void unknownProviderFailsWithAllowedValues() {
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"x\", \"provider\": \"gemini\"}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llmock.json: backends[0].provider is \"gemini\"; allowed values: [anthropic, ollama, openai,"
                        + " synthetic] (lmstudio is an alias of openai).");
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"x\"}]}"))
                .hasMessage("llmock.json: backends[0].provider is missing; allowed values: [anthropic, ollama, openai,"
                        + " synthetic] (lmstudio is an alias of openai).");
    }

    @Test
    void duplicateBackendFailsButAPoolOfDifferentModelsIsFine() {
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"f\", \"provider\": \"ollama\", \"model\": \"m\"},"
                + " {\"name\": \"f\", \"provider\": \"ollama\", \"model\": \"m\"}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llmock.json: backends[1].name \"f\" duplicates backends[0] (same provider, baseUrl and model)."
                        + " Remove one, or give them different models or URLs to pool them under one name.");

        LlmockConfig pool = read("{\"backends\": [{\"name\": \"f\", \"provider\": \"ollama\", \"model\": \"a\"},"
                + " {\"name\": \"f\", \"provider\": \"ollama\", \"model\": \"b\"}]}");
        assertThat(pool.backendsNamed("f")).hasSize(2);
    }

    @Test
    void badUrlFailsNamingKeyAndValue() {
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"f\", \"provider\": \"ollama\","
                + " \"baseUrl\": \"localhost:11434\"}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llmock.json: backends[0].baseUrl is \"localhost:11434\", which is not an absolute http or"
                        + " https URL such as http://localhost:11434.");
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"f\", \"provider\": \"ollama\","
                + " \"baseUrl\": \"ftp://host/x\"}]}"))
                .hasMessageContaining("backends[0].baseUrl is \"ftp://host/x\"");
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"f\", \"provider\": \"ollama\","
                + " \"baseUrl\": \"http://bad host\"}]}"))
                .hasMessageContaining("backends[0].baseUrl is \"http://bad host\"");
    }

    @Test
    void unknownKeyFailsWithTheAllowedKeys() {
        assertThatThrownBy(() -> read("{\"temprature\": 0.5}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llmock.json: unknown key \"temprature\" in (top level); allowed keys: [temperature,"
                        + " timeoutSeconds, defaultBackend, backends, routing, retry, circuitBreaker, limits, cassettes].");
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"f\", \"provider\": \"ollama\", \"modelName\": \"x\"}]}"))
                .hasMessage("llmock.json: unknown key \"modelName\" in backends[0]; allowed keys: [name, provider, baseUrl,"
                        + " model, apiKey, maxTokens, enabled, weight, maxConcurrentRequests, fallback,"
                        + " costPer1kInputTokens, costPer1kOutputTokens, timeoutSeconds].");
        assertThatThrownBy(() -> read("{\"retry\": {\"attempts\": 3}}"))
                .hasMessage("llmock.json: unknown key \"attempts\" in retry; allowed keys: [maxAttempts, baseDelayMs,"
                        + " maxDelayMs].");
    }

    @Test
    void outOfRangeValuesFailWithKeyValueAndAllowedRange() {
        assertThatThrownBy(() -> read("{\"temperature\": 2.5}"))
                .hasMessage("llmock.json: temperature is 2.5; expected a number from 0.0 to 2.0.");
        assertThatThrownBy(() -> read("{\"timeoutSeconds\": 0}"))
                .hasMessage("llmock.json: timeoutSeconds is 0; expected a whole number from 1 to 3600.");
        assertThatThrownBy(() -> read("{\"timeoutSeconds\": \"60\"}"))
                .hasMessage("llmock.json: timeoutSeconds is \"60\"; expected a whole number from 1 to 3600.");
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"f\", \"provider\": \"ollama\", \"weight\": 0}]}"))
                .hasMessage("llmock.json: backends[0].weight is 0; expected a whole number from 1 to 1000000.");
        assertThatThrownBy(() -> read("{\"retry\": {\"maxAttempts\": 1.5}}"))
                .hasMessage("llmock.json: retry.maxAttempts is 1.5; expected a whole number from 1 to 100.");
        assertThatThrownBy(() -> read("{\"routing\": {\"hard\": \"x\"}}"))
                .hasMessage("llmock.json: routing.hard is not a routing tier; allowed: [complex, medium, simple].");
        assertThatThrownBy(() -> read("{\"defaultBackend\": \"nope\", \"backends\": [{\"name\": \"f\","
                + " \"provider\": \"ollama\"}]}"))
                .hasMessage("llmock.json: defaultBackend is \"nope\", which is not a configured backend; allowed values:"
                        + " [f, synthetic].");
        assertThatThrownBy(() -> read("{\"backends\": {}}"))
                .hasMessage("llmock.json: backends is {}; expected an array of backend objects.");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> read("{\n  \"temperature\": 0.5,\n}"))
                .hasMessage("llmock.json is not valid JSON at line 3, column 1: Unexpected character ('}' (code 125)):"
                        + " was expecting double-quote to start field name. Fix the file, or point llmock.config at"
                        + " another one.");
        assertThatThrownBy(() -> read("[]"))
                .hasMessage("llmock.json must hold a JSON object such as {\"backends\": [...]}.");
    }

    @Test
    void apiKeyNeverAppearsInToStringOrInAnyError() {
        LlmockConfig config = read("{\"backends\": [{\"name\": \"q\", \"provider\": \"openai\","
                + " \"apiKey\": \"${OPENAI_API_KEY}\"}]}");
        assertThat(config.backends().get(0).toString()).doesNotContain(SECRET).contains("apiKey=<redacted>");
        assertThat(config.toString()).doesNotContain(SECRET);

        List<String> broken = List.of(
                "{\"backends\": [{\"name\": \"q\", \"provider\": \"openai\", \"apiKey\": 42}]}",
                "{\"backends\": [{\"name\": \"q\", \"provider\": \"gemini\", \"apiKey\": \"${OPENAI_API_KEY}\"}]}",
                "{\"backends\": [{\"name\": \"q\", \"provider\": \"openai\", \"apiKey\": \"${OPENAI_API_KEY}\"},"
                        + " {\"name\": \"q\", \"provider\": \"openai\", \"apiKey\": \"${OPENAI_API_KEY}\"}]}",
                "{\"backends\": [{\"name\": \"q\", \"provider\": \"openai\", \"apiKey\": \"" + SECRET + "\","
                        + " \"weight\": -1}]}",
                "{\"backends\": [{\"name\": \"q\", \"provider\": \"openai\", \"apiKey\": " + UNQUOTED_SECRET + "}]}",
                "{\"backends\": [{\"name\": \"q\", \"provider\": \"openai\", \"apiKey\": \"" + SECRET + "\",}]}");
        for (String json : broken) {
            assertThatThrownBy(() -> read(json)).as(json).isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(UNQUOTED_SECRET));
        }
        LlmockConfig urlWithKey = read("{\"backends\": [{\"name\": \"q\", \"provider\": \"openai\","
                + " \"baseUrl\": \"nota url ${OPENAI_API_KEY}\"}]}");
        assertThatThrownBy(() -> PLACEHOLDERS.resolve(urlWithKey.backends().get(0), urlWithKey.source()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llmock.json: the baseUrl of backend \"q\" is \"nota url ${OPENAI_API_KEY}\" (its"
                        + " placeholders resolved), which is not an absolute http or https URL such as"
                        + " http://localhost:11434.");
    }
}

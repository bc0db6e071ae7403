package dev.llmock.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.BackendConfig;
import dev.llmock.ConfigException;
import dev.llmock.LlmockConfig;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderOptionsTest {
    private static final ProviderCatalog WITH_LOCAL = ProviderCatalog.of(
            Map.of("local-engine", Set.of("contextSize", "modelDir", "mmap")));

    private static LlmockConfig read(String json) {
        return ConfigReader.read(json, "llmock.json", WITH_LOCAL);
    }

    @Test
    void aProviderFromABackendFactoryIsAllowedWithTheKeysItDeclares() {
        LlmockConfig config = read("""
                {"backends": [{"name": "local", "provider": "local-engine", "model": "tiny.gguf",
                               "maxTokens": 512, "contextSize": 4096, "modelDir": "${MODELS}/gguf", "mmap": false}]}
                """);

        BackendConfig local = config.backends().get(0);
        assertThat(local.provider()).isEqualTo("local-engine");
        assertThat(local.maxTokens()).isEqualTo(512);
        assertThat(local.intOption("contextSize")).contains(4096);
        assertThat(local.textOption("modelDir")).contains("${MODELS}/gguf");
        BackendConfig live = new Placeholders(name -> null, Map.of("MODELS", "/opt/models")::get)
                .resolve(local, config.source());
        assertThat(live.textOption("modelDir")).contains("/opt/models/gguf");
        assertThat(live.intOption("contextSize")).contains(4096);
        assertThat(local.booleanOption("mmap")).contains(false);
        assertThat(local.intOption("threads")).isEmpty();
        assertThat(local.options()).containsOnlyKeys("contextSize", "modelDir", "mmap");
        assertThat(local.toString()).endsWith(", options=[contextSize, mmap, modelDir]]");
    }

    @Test
    void anOptionOfAnotherProviderIsStillAnUnknownKey() {
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"f\", \"provider\": \"ollama\","
                + " \"contextSize\": 4096}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llmock.json: unknown key \"contextSize\" in backends[0]; allowed keys: [name, provider,"
                        + " baseUrl, model, apiKey, maxTokens, enabled, weight, maxConcurrentRequests, fallback,"
                        + " costPer1kInputTokens, costPer1kOutputTokens, timeoutSeconds].");
    }

    @Test
    void anUnknownKeyOfTheProviderListsItsOwnKeysToo() {
        assertThatThrownBy(() -> read("{\"backends\": [{\"name\": \"l\", \"provider\": \"local-engine\","
                + " \"contextLength\": 4096}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llmock.json: unknown key \"contextLength\" in backends[0]; allowed keys: [name, provider,"
                        + " baseUrl, model, apiKey, maxTokens, enabled, weight, maxConcurrentRequests, fallback,"
                        + " costPer1kInputTokens, costPer1kOutputTokens, timeoutSeconds, contextSize, mmap,"
                        + " modelDir].");
    }

    @Test
    void anOptionOfTheWrongTypeFailsNamingBackendKeyAndValue() {
        BackendConfig local = read("{\"backends\": [{\"name\": \"l\", \"provider\": \"local-engine\","
                + " \"contextSize\": \"big\", \"mmap\": 1}]}").backends().get(0);

        assertThatThrownBy(() -> local.intOption("contextSize"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Backend \"l\" (local-engine): \"contextSize\" is \"big\"; expected a whole number.");
        assertThatThrownBy(() -> local.booleanOption("mmap"))
                .hasMessage("Backend \"l\" (local-engine): \"mmap\" is 1; expected true or false.");
        assertThatThrownBy(() -> local.textOption("mmap"))
                .hasMessage("Backend \"l\" (local-engine): \"mmap\" is 1; expected a string.");
    }

    @Test
    void theLlamacppProviderWithoutItsModuleSaysWhichArtifactBringsIt() {
        assertThatThrownBy(() -> ConfigReader.read("{\"backends\": [{\"name\": \"l\", \"provider\": \"llamacpp\"}]}",
                "llmock.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llmock.json: backends[0].provider is \"llamacpp\"; allowed values: [anthropic, ollama,"
                        + " openai, synthetic] (lmstudio is an alias of openai). Provider llamacpp comes with"
                        + " dev.llmock:llmock-llamacpp: add it to the class path.");
    }

    @Test
    void backendsWrittenWithoutOptionsEqualThoseReadFromAFile() {
        BackendConfig written = new BackendConfig("f", "ollama", "http://localhost:11434", "m", null, null, true, 1,
                null, null, null, null, null);

        assertThat(read("{\"backends\": [{\"name\": \"f\", \"provider\": \"ollama\", \"model\": \"m\"}]}").backends())
                .containsExactly(written);
        assertThat(written.options()).isEmpty();
    }
}

package dev.llmock.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.BackendConfig;
import dev.llmock.ConfigException;
import dev.llmock.LlmockConfig;
import org.junit.jupiter.api.Test;

/** The provider's keys in llmock.json, read through the real service loader. */
class LlamaCppConfigTest {

    @Test
    void theProviderAndItsOwnKeysAreAcceptedWithNoChangeToTheEngine() {
        LlmockConfig config = LlmockConfig.parse("{\"backends\":[{\"name\":\"local\",\"provider\":\"llamacpp\","
                + "\"model\":\"models/qwen2.5-0.5b-instruct-q4_k_m.gguf\",\"contextSize\":4096,\"threads\":4,"
                + "\"gpuLayers\":0,\"maxTokens\":2048}]}", "llmock.json");

        BackendConfig local = config.backends().get(0);
        assertThat(local.provider()).isEqualTo(LlamaCpp.PROVIDER);
        assertThat(local.intOption(LlamaCpp.CONTEXT_SIZE)).contains(4096);
        assertThat(local.intOption(LlamaCpp.THREADS)).contains(4);
        assertThat(local.intOption(LlamaCpp.GPU_LAYERS)).contains(0);
        assertThat(local.maxTokens()).isEqualTo(2048);
        assertThat(local.baseUrl()).isNull();
    }

    @Test
    void anUnknownKeyIsStillAnErrorListingTheProvidersKeys() {
        assertThatThrownBy(() -> LlmockConfig.parse("{\"backends\":[{\"name\":\"local\",\"provider\":\"llamacpp\","
                + "\"model\":\"m.gguf\",\"contextLength\":4096}]}", "llmock.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llmock.json: unknown key \"contextLength\" in backends[0]; allowed keys: [name, provider,"
                        + " baseUrl, model, apiKey, maxTokens, enabled, weight, maxConcurrentRequests, fallback,"
                        + " costPer1kInputTokens, costPer1kOutputTokens, timeoutSeconds, contextSize, gpuLayers,"
                        + " threads].");
    }

    @Test
    void badValuesFailWhenTheBackendIsCreatedNamingKeyValueAndRange() {
        assertThatThrownBy(() -> LocalBackend.create("{\"backends\":[{\"name\":\"local\",\"provider\":\"llamacpp\","
                + "\"model\":\"m.gguf\",\"threads\":0}]}", "llmock.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Backend \"local\" (llamacpp): \"threads\" is 0; expected a whole number from 1 to 1024.");
        assertThatThrownBy(() -> LocalBackend.create("{\"backends\":[{\"name\":\"local\",\"provider\":\"llamacpp\","
                + "\"model\":\"m.gguf\",\"contextSize\":\"big\"}]}", "llmock.json"))
                .hasMessage("Backend \"local\" (llamacpp): \"contextSize\" is \"big\"; expected a whole number.");
        assertThatThrownBy(() -> LocalBackend.create("{\"backends\":[{\"name\":\"local\",\"provider\":\"llamacpp\","
                + "\"model\":\"m.gguf\",\"contextSize\":1024,\"maxTokens\":2048}]}", "llmock.json"))
                .hasMessage("Backend \"local\" (llamacpp): \"maxTokens\" is 2048, more than \"contextSize\" 1024,"
                        + " which must hold the prompt and the answer together. Raise \"contextSize\" or lower"
                        + " \"maxTokens\".");
    }

    @Test
    void aBackendWithoutAModelSaysWhatToPutThere() {
        assertThatThrownBy(() -> LocalBackend.create("{\"backends\":[{\"name\":\"local\",\"provider\":\"llamacpp\"}]}",
                "llmock.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Backend \"local\" (llamacpp) names no \"model\": set it to the path of a GGUF file, such"
                        + " as \"models/qwen2.5-0.5b-instruct-q4_k_m.gguf\". " + ModelFileErrorsTest.DOWNLOAD);
    }
}

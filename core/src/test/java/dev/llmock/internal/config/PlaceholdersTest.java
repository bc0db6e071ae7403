package dev.llmock.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.BackendConfig;
import dev.llmock.ConfigException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    private static final String SECRET = "sk-test-placeholder-0123456789";
    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private final Placeholders placeholders = new Placeholders(properties::get, env::get);

    private static BackendConfig backend(String baseUrl, String model, String apiKey) {
        return new BackendConfig("cloud", "openai", baseUrl, model, apiKey, null, true, 1, null, null, null, null, null);
    }

    private BackendConfig resolve(BackendConfig backend) {
        return placeholders.resolve(backend, "llmock.json");
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironmentVariable() {
        env.put("OPENAI_API_KEY", "from-env");
        properties.put("OPENAI_API_KEY", SECRET);

        assertThat(resolve(backend(null, "m", "${OPENAI_API_KEY}")).apiKey()).isEqualTo(SECRET);
    }

    @Test
    void theEnvironmentServesWhenNoSystemPropertyIsSetOrItIsBlank() {
        env.put("OPENAI_API_KEY", SECRET);
        assertThat(resolve(backend(null, "m", "${OPENAI_API_KEY}")).apiKey()).isEqualTo(SECRET);

        properties.put("OPENAI_API_KEY", " ");
        assertThat(resolve(backend(null, "m", "${OPENAI_API_KEY}")).apiKey()).isEqualTo(SECRET);
    }

    @Test
    void theDefaultServesWhenTheVariableIsUnsetOrBlank() {
        env.put("BLANK", "");
        BackendConfig resolved = resolve(backend("${BASE_URL:-http://localhost:8080/v1}", "${MODEL:-gpt-4o-mini}",
                "${BLANK:-}"));

        assertThat(resolved.baseUrl()).isEqualTo("http://localhost:8080/v1");
        assertThat(resolved.model()).isEqualTo("gpt-4o-mini");
        assertThat(resolved.apiKey()).isEmpty();
    }

    @Test
    void placeholdersMayBeOnePartOfAValueAndAreResolvedEachOnItsOwn() {
        properties.put("HOST", "gpu-box");
        properties.put("llmock.port", "8081");

        assertThat(resolve(backend("http://${HOST}:${llmock.port}/v1", "m", null)).baseUrl())
                .isEqualTo("http://gpu-box:8081/v1");
    }

    @Test
    void aValueWithoutPlaceholdersIsLeftAlone() {
        BackendConfig plain = backend("http://localhost:1234/v1", "m", "sk-literal");

        assertThat(resolve(plain)).isEqualTo(plain);
    }

    @Test
    void anUnsetVariableFailsNamingTheVariableAndTheBackend() {
        assertThatThrownBy(() -> resolve(backend(null, "m", "${LLMOCK_TEST_UNSET_KEY}")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Backend \"cloud\" (openai) cannot be used: its apiKey in llmock.json refers to"
                        + " ${LLMOCK_TEST_UNSET_KEY}, and LLMOCK_TEST_UNSET_KEY is set neither as a system property nor"
                        + " as an environment variable. Set it (-DLLMOCK_TEST_UNSET_KEY=... or in the environment), or"
                        + " give a default: ${LLMOCK_TEST_UNSET_KEY:-value}. Replaying from a cassette needs no backend"
                        + " and no key.");
    }

    @Test
    void aResolvedBaseUrlThatIsNoUrlFailsShowingItAsWritten() {
        properties.put("BASE", SECRET);

        assertThatThrownBy(() -> resolve(backend("${BASE}", "m", null)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llmock.json: the baseUrl of backend \"cloud\" is \"${BASE}\" (its placeholders resolved),"
                        + " which is not an absolute http or https URL such as http://localhost:11434.");
    }
}

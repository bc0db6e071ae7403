package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * A project whose {@code llmock.json} names a key-protected OpenAI backend ({@code "apiKey": "${VAR}"}) and whose
 * cassette is committed: replay in CI needs neither the variable nor the server; recording needs the variable, read
 * from a system property or the environment, with {@code ${VAR:-default}} as a way out.
 */
class OfflineReplayTest {
    static final List<String> SEEN = new ArrayList<>();
    static final String SHAPE = "{\"name\":\"string\",\"email\":\"email\"}";
    static final String ADA = "{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}";
    /** Set nowhere: neither this JVM nor CI defines it. */
    static final String UNSET = "LLMOCK_TEST_UNSET_OPENAI_KEY";
    static final String PROPERTY = "LLMOCK_TEST_OPENAI_KEY_PROPERTY";

    @RegisterExtension
    final LoopbackOpenAi openAi = new LoopbackOpenAi(ADA);

    @TempDir
    Path cassettes;

    @TempDir
    Path configDir;

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    static class CustomerTestCase {
        @Test
        void customer(@Generated(shape = SHAPE, backend = "cloud") JsonNode customer) {
            SEEN.add(customer.toString());
        }
    }

    private Path config(String baseUrl, String apiKey) throws Exception {
        return Files.writeString(configDir.resolve("llmock-" + Math.abs(apiKey.hashCode()) + ".json"),
                "{\"backends\": [{\"name\": \"cloud\", \"provider\": \"openai\", \"baseUrl\": \"" + baseUrl + "\","
                        + " \"model\": \"gpt-4o-mini\", \"apiKey\": \"" + apiKey + "\"}]}");
    }

    private EngineExecutionResults run(String mode, Path config) {
        return Kit.run(CustomerTestCase.class, cassettes, mode, Map.of("llmock.config", config.toString()));
    }

    private static Throwable failure(EngineExecutionResults results) {
        return results.testEvents().failed().stream().findFirst().flatMap(Event::getPayload)
                .map(payload -> ((TestExecutionResult) payload).getThrowable().orElseThrow()).orElseThrow();
    }

    @Test
    void replayWithTheKeyVariableUnsetPassesAndContactsNoServer() throws Exception {
        run("record", config(openAi.baseUrl(), "sk-recording-key")).testEvents()
                .assertStatistics(s -> s.succeeded(1));
        assertThat(openAi.authorizations()).containsExactly("Bearer sk-recording-key");
        SEEN.clear();

        EngineExecutionResults replay = run("replay", config(openAi.baseUrl(), "${" + UNSET + "}"));

        replay.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(SEEN).containsExactly(ADA);
        assertThat(openAi.authorizations()).hasSize(1);
    }

    @Test
    void recordingWithTheKeyVariableUnsetFailsNamingTheVariableAndTheBackend() throws Exception {
        Path config = config(openAi.baseUrl(), "${" + UNSET + "}");

        EngineExecutionResults results = run("record", config);

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(failure(results)).hasMessage("Backend \"cloud\" (openai) cannot be used: its apiKey in " + config
                + " refers to ${" + UNSET + "}, and " + UNSET + " is set neither as a system property nor as an"
                + " environment variable. Set it (-D" + UNSET + "=... or in the environment), or give a default: ${"
                + UNSET + ":-value}. Replaying from a cassette needs no backend and no key.");
        assertThat(openAi.authorizations()).isEmpty();
        assertThat(cassettes.resolve(CustomerTestCase.class.getName() + ".json")).doesNotExist();
    }

    @Test
    void aDefaultServesWhenTheVariableIsUnset() throws Exception {
        Path config = config("${LLMOCK_TEST_UNSET_BASE_URL:-" + openAi.baseUrl() + "}",
                "${" + UNSET + ":-sk-default-key}");

        run("record", config).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(openAi.authorizations()).containsExactly("Bearer sk-default-key");
        assertThat(SEEN).containsExactly(ADA);
    }

    @Test
    void aSystemPropertyServesAsTheVariableAndNeverReachesTheCassette() throws Exception {
        System.setProperty(PROPERTY, "sk-from-a-system-property");
        try {
            run("record", config(openAi.baseUrl(), "${" + PROPERTY + "}")).testEvents()
                    .assertStatistics(s -> s.succeeded(1));
        } finally {
            System.clearProperty(PROPERTY);
        }

        assertThat(openAi.authorizations()).containsExactly("Bearer sk-from-a-system-property");
        assertThat(Files.readString(cassettes.resolve(CustomerTestCase.class.getName() + ".json")))
                .contains("Ada Lovelace").doesNotContain("sk-from-a-system-property");
    }
}

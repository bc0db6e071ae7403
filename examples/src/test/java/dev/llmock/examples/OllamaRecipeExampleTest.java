package dev.llmock.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.llmock.BackendConfig;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.RecordMode;
import dev.llmock.junit.Generated;
import dev.llmock.junit.LlmockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's Testcontainers recipe, wired the same way: the Ollama endpoint goes into {@code LlmockConfig.newBuilder()}
 * when the class first needs a fixture, after the server started. Docker is not available to CI, so an Ollama
 * {@code /api/chat} on loopback (its real wire format) stands in for {@code OllamaContainer}.
 */
class OllamaRecipeExampleTest {

    @RegisterExtension
    static LoopbackOllama ollama = new LoopbackOllama();

    @RegisterExtension
    static LlmockExtension llmock = LlmockExtension.newBuilder()
            .config(() -> LlmockConfig.newBuilder()
                    .backend(BackendConfig.newBuilder("local").provider("ollama").baseUrl(ollama.getEndpoint())
                            .model("llama3.2").build())
                    .build())
            .mode(RecordMode.LIVE) // the container's model writes every fixture; no cassette
            .build();

    record Customer(String name, String email) {
    }

    @Test
    void theContainersModelWritesTheFixture(@Generated Customer customer) {
        assertThat(customer).isEqualTo(new Customer("Ada Lovelace", "ada@example.com"));
        ollama.server.verify(1, postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("llama3.2")))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("false"))));
    }

    /** Stands in for Testcontainers' {@code OllamaContainer}: started before all, {@code getEndpoint()} after. */
    static final class LoopbackOllama implements BeforeAllCallback, AfterAllCallback {
        private WireMockServer server;

        @Override
        public void beforeAll(ExtensionContext context) {
            server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            server.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody("{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":"
                            + "\"assistant\",\"content\":\"{\\\"name\\\":\\\"Ada Lovelace\\\",\\\"email\\\":"
                            + "\\\"ada@example.com\\\"}\"},\"done\":true,\"done_reason\":\"stop\","
                            + "\"prompt_eval_count\":26,\"eval_count\":18}")));
        }

        /** As {@code OllamaContainer.getEndpoint()}: the base URL, once started. */
        String getEndpoint() {
            return server.baseUrl();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            server.stop();
        }
    }
}

package dev.llmock.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.llmock.LlmockConfig;
import dev.llmock.cassette.Cassettes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class LlmockWireMockExtensionTest {
    @TempDir
    Path dir;

    private EngineExecutionResults run(Class<?> testCase, String mode) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("llmock.cassettes.dir", dir.toString())
                .configurationParameter("llmock.mode", mode)
                .selectors(selectClass(testCase))
                .execute();
    }

    @Test
    void recordsOneCassettePerTestClassAndReplaysItWithTheModeFromTheConfiguration() {
        UsersTestCase.BODIES.clear();

        EngineExecutionResults recording = run(UsersTestCase.class, "record");
        Path cassette = dir.resolve(UsersTestCase.class.getName() + ".json");
        EngineExecutionResults replaying = run(UsersTestCase.class, "replay");

        recording.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        replaying.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Cassettes.stats(cassette).entries()).isEqualTo(2);
        assertThat(UsersTestCase.BODIES).hasSize(4);
        assertThat(UsersTestCase.BODIES.subList(2, 4)).containsExactlyInAnyOrderElementsOf(
                UsersTestCase.BODIES.subList(0, 2));
    }

    @Test
    void replayWithoutARecordingAnswers404WithTheKey() {
        UsersTestCase.BODIES.clear();

        EngineExecutionResults replaying = run(UsersTestCase.class, "replay");

        replaying.testEvents().assertStatistics(stats -> stats.failed(2));
        assertThat(replaying.testEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow().getMessage()))
                .allSatisfy(message -> assertThat(message).contains("replay_miss"));
    }

    @Test
    void aFailedTestKeepsItsRecordingsSoTheFailureReplays() throws Exception {
        EngineExecutionResults recording = run(FailingTestCase.class, "record");

        recording.testEvents().assertStatistics(stats -> stats.failed(1));
        Path cassette = dir.resolve(FailingTestCase.class.getName() + ".json");
        assertThat(Cassettes.stats(cassette).entries()).isEqualTo(1);
        EngineExecutionResults replaying = run(FailingTestCase.class, "replay");
        replaying.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(replaying.testEvents().failed().stream()
                .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable()
                        .orElseThrow().getMessage()))
                .containsExactly("the test itself fails");
    }

    static class UsersTestCase {
        static final List<String> BODIES = new CopyOnWriteArrayList<>();

        @RegisterExtension
        static LlmockWireMockExtension api = LlmockWireMockExtension.newInstance().config(LlmockConfig.none())
                .build();

        @Test
        void findsAUser() {
            api.stubFor(get(urlPathTemplate("/users/{id}")).willReturn(aResponse().withTransformers("llmock")
                    .withTransformerParameter("shape", "{\"id\":0,\"name\":\"string\"}")));
            Http.Reply reply = Http.get(api.baseUrl() + "/users/7");
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            assertThat(reply.json().get("id").asInt()).isEqualTo(7);
            BODIES.add(reply.text());
        }

        @Test
        void listsProductsFromTheMockApi() {
            Http.Reply reply = Http.get(api.url("/api/mock/products?shape=")
                    + Http.encode("[{\"sku\":\"string\"}]"));
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            BODIES.add(reply.text());
        }
    }

    static class FailingTestCase {
        @RegisterExtension
        static LlmockWireMockExtension api = LlmockWireMockExtension.newInstance().config(LlmockConfig.none())
                .build();

        @Test
        void failsAfterARequest() {
            Http.Reply reply = Http.get(api.url("/api/mock/users/1"));
            assertThat(reply.status()).isEqualTo(200);
            throw new AssertionError("the test itself fails");
        }
    }
}

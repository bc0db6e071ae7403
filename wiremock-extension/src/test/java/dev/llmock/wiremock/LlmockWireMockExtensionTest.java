package dev.llmock.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.llmock.LlmockConfig;
import dev.llmock.internal.Json;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.UnexpectedRecordingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class LlmockWireMockExtensionTest {
    @TempDir
    Path dir;

    private EngineExecutionResults run(Class<?> testCase, String mode) {
        return run(testCase, mode, Map.of());
    }

    private EngineExecutionResults run(Class<?> testCase, String mode, Map<String, String> more) {
        return EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(true)
                .configurationParameter("llmock.cassettes.dir", dir.toString())
                .configurationParameter("llmock.mode", mode)
                .configurationParameters(more)
                .selectors(selectClass(testCase))
                .execute();
    }

    private static List<Throwable> failures(Events events) {
        return events.failed().stream().map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable()
                .orElseThrow()).toList();
    }

    @Test
    void onceRecordsANewCassetteThenOnlyReplaysItSoARequestItLacksAnswers404() {
        run(SharedUserTestCase.class, "once").testEvents().assertStatistics(stats -> stats.succeeded(1));

        EngineExecutionResults again = run(SharedUserAndProductsTestCase.class, "once");

        again.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        assertThat(failures(again.testEvents())).singleElement().satisfies(failure -> assertThat(failure.getMessage())
                .contains("replay_miss").contains("(mode once)").contains("-Dllmock.mode=record (VCR: new_episodes)"));
    }

    @Test
    void failOnRecordFailsTheClassWhoseRequestsRecordedAfterWritingItsCassette() {
        EngineExecutionResults recording = run(SharedUserTestCase.class, "record",
                Map.of("llmock.failOnRecord", "true"));

        recording.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(failures(recording.containerEvents())).singleElement()
                .isInstanceOf(UnexpectedRecordingException.class)
                .satisfies(failure -> assertThat(failure.getMessage()).startsWith("llmock recorded 1 entry into "
                        + dir.resolve("Shared.json") + " (mode record), but llmock.failOnRecord is on (set by"
                        + " llmock.failOnRecord)").contains("SharedUserTestCase.findsAUser()"));
        assertThat(dir.resolve("Shared.json")).exists();

        EngineExecutionResults replaying = run(SharedUserTestCase.class, "record",
                Map.of("llmock.failOnRecord", "true"));
        replaying.containerEvents().assertStatistics(stats -> stats.failed(0));
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
    void replayWithAKeyProtectedBackendNeedsNeitherTheKeyNorTheServer() {
        KeyProtectedTestCase.BODIES.clear();
        KeyProtectedTestCase.config = "{}";
        run(KeyProtectedTestCase.class, "record").testEvents().assertStatistics(stats -> stats.succeeded(1));
        // the key variable is set nowhere, and port 9 (discard) answers no HTTP: any live call would fail the test
        KeyProtectedTestCase.config = "{\"backends\": [{\"name\": \"cloud\", \"provider\": \"openai\","
                + " \"baseUrl\": \"http://127.0.0.1:9/v1\", \"model\": \"gpt-4o-mini\","
                + " \"apiKey\": \"${LLMOCK_TEST_UNSET_OPENAI_KEY}\"}]}";

        EngineExecutionResults replaying = run(KeyProtectedTestCase.class, "replay");

        replaying.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(KeyProtectedTestCase.BODIES).hasSize(2);
        assertThat(KeyProtectedTestCase.BODIES.get(1)).isEqualTo(KeyProtectedTestCase.BODIES.get(0));
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

    @Test
    void aFailedTestInRerecordLeavesItsEarlierEntryByteForByte() throws Exception {
        FlakyTestCase.fail = false;
        run(FlakyTestCase.class, "record").testEvents().assertStatistics(stats -> stats.succeeded(1));
        Path cassette = dir.resolve(FlakyTestCase.class.getName() + ".json");
        byte[] recorded = Files.readAllBytes(cassette);

        FlakyTestCase.fail = true;
        run(FlakyTestCase.class, "rerecord").testEvents().assertStatistics(stats -> stats.failed(1));
        byte[] afterFailure = Files.readAllBytes(cassette);
        FlakyTestCase.fail = false;
        run(FlakyTestCase.class, "rerecord").testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(afterFailure).isEqualTo(recorded);
        assertThat(Files.readAllBytes(cassette)).as("a passing test does re-record").isNotEqualTo(recorded);
    }

    @Test
    void concurrentTestsLabelTheirOwnRequestsAndNeverEachOthers() throws Exception {
        WireMockServer llm = SimulatedLlm.SERVER;
        try {
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(true)
                    .configurationParameter("llmock.cassettes.dir", dir.toString())
                    .configurationParameter("llmock.mode", "record")
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                    .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                    .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                    .selectors(selectClass(ConcurrentTestCase.class))
                    .execute();

            assertThat(results.testEvents().failed().stream().map(e -> e.getRequiredPayload(
                    TestExecutionResult.class).getThrowable().orElseThrow().toString())).isEmpty();
            results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
            assertThat(BothTestsInside.INSTANCE.allInside.getCount()).as("all four requests were in flight at once")
                    .isZero();
            Map<String, String> tests = new TreeMap<>();
            Json.MAPPER.readTree(dir.resolve(ConcurrentTestCase.class.getName() + ".json").toFile()).path("entries")
                    .forEach(entry -> tests.put(entry.at("/request/context/path").asText(), entry.path("test").asText()));
            assertThat(tests).containsExactly(
                    Map.entry("/first", "ConcurrentTestCase.first()"),
                    Map.entry("/first-unstamped", "GET /first-unstamped"),
                    Map.entry("/second", "ConcurrentTestCase.second()"),
                    Map.entry("/second-unstamped", "GET /second-unstamped"));
        } finally {
            llm.stop();
        }
    }

    private static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\","
            + "\"created\":1677652288,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"{\\\"id\\\":1,\\\"name\\\":\\\"Ada\\\"}\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
            + "\"total_tokens\":15}}";

    /** An OpenAI-compatible provider on loopback, started when first used (before the test case reads its port). */
    static final class SimulatedLlm {
        static final WireMockServer SERVER = start();

        private static WireMockServer start() {
            WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                    .extensions(BothTestsInside.INSTANCE));
            server.start();
            server.stubFor(post("/v1/chat/completions").willReturn(okJson(COMPLETION)));
            return server;
        }
    }

    /** The simulated provider holds every call until four are in flight: both tests are inside their requests. */
    static final class BothTestsInside implements ResponseDefinitionTransformerV2 {
        static final BothTestsInside INSTANCE = new BothTestsInside();
        final CountDownLatch allInside = new CountDownLatch(4);

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            allInside.countDown();
            try {
                if (!allInside.await(30, TimeUnit.SECONDS)) {
                    return ResponseDefinition.notFound();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return serveEvent.getResponseDefinition();
        }

        @Override
        public String getName() {
            return "both-tests-inside";
        }
    }

    static class ConcurrentTestCase {
        /** WireMock resets its stubs before each test: both tests wait until both are past that. */
        static final CyclicBarrier BOTH_STARTED = new CyclicBarrier(2);
        @RegisterExtension
        static LlmockWireMockExtension api = LlmockWireMockExtension.newInstance().config(LlmockConfig.parse(
                "{\"retry\": {\"maxAttempts\": 1}, \"backends\": [{\"name\": \"slow\", \"provider\": \"openai\","
                        + " \"baseUrl\": \"http://127.0.0.1:" + SimulatedLlm.SERVER.port() + "/v1\", \"model\": \"gpt-4o-mini\"}]}",
                "test llmock.json")).build();

        private static void requests(String path) throws Exception {
            BOTH_STARTED.await(30, TimeUnit.SECONDS);
            String shape = "?shape=" + Http.encode("{\"id\":0,\"name\":\"string\"}");
            CompletableFuture<Http.Reply> stamped = Http.sendAsync("GET", api.url("/api/mock" + path + shape), null,
                    "X-LLM-Backend", "slow", LlmockWireMock.TEST_HEADER, api.testLabel());
            CompletableFuture<Http.Reply> unstamped = Http.sendAsync("GET",
                    api.url("/api/mock" + path + "-unstamped" + shape), null, "X-LLM-Backend", "slow");
            assertThat(stamped.join().status()).as(stamped.join().text()).isEqualTo(200);
            assertThat(unstamped.join().status()).as(unstamped.join().text()).isEqualTo(200);
        }

        @Test
        void first() throws Exception {
            requests("/first");
        }

        @Test
        void second() throws Exception {
            requests("/second");
        }
    }

    static class FlakyTestCase {
        static volatile boolean fail;

        // an instance field: a new server and engine per test, so no in-JVM cache answers across the runs
        @RegisterExtension
        LlmockWireMockExtension api = LlmockWireMockExtension.newInstance().config(LlmockConfig.none())
                .build();

        @Test
        void fetchesAUser() {
            Http.Reply reply = Http.get(api.url("/api/mock/users/1"));
            assertThat(reply.status()).isEqualTo(200);
            if (fail) {
                throw new AssertionError("the test fails this time");
            }
        }
    }

    static class KeyProtectedTestCase {
        static final List<String> BODIES = new CopyOnWriteArrayList<>();
        static volatile String config;

        @RegisterExtension
        LlmockWireMockExtension api = LlmockWireMockExtension.newInstance()
                .config(LlmockConfig.parse(config, "test llmock.json")).build();

        @Test
        void findsAUser() {
            Http.Reply reply = Http.get(api.url("/api/mock/users/3?shape=")
                    + Http.encode("{\"id\":0,\"name\":\"string\"}"));
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            BODIES.add(reply.text());
        }
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

    static class SharedUserTestCase {
        @RegisterExtension
        static LlmockWireMockExtension api = LlmockWireMockExtension.newInstance().config(LlmockConfig.none())
                .cassette("Shared").build();

        @Test
        void findsAUser() {
            Http.Reply reply = Http.get(api.url("/api/mock/users/1"));
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        }
    }

    static class SharedUserAndProductsTestCase {
        @RegisterExtension
        static LlmockWireMockExtension api = LlmockWireMockExtension.newInstance().config(LlmockConfig.none())
                .cassette("Shared").build();

        @Test
        void findsAUser() {
            Http.Reply reply = Http.get(api.url("/api/mock/users/1"));
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        }

        @Test
        void listsProducts() {
            Http.Reply reply = Http.get(api.url("/api/mock/products"));
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
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

package dev.llmock.internal.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.llmock.internal.backend.LoopbackLlm.json;
import static dev.llmock.internal.backend.LoopbackLlm.openAiCompletion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.llmock.BackendException;
import dev.llmock.BackendStats;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.internal.backend.LoopbackLlm.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Circuit breaker, pools, weights, fallback and maxConcurrentRequests, through the engine. */
class ResilienceTest {
    private static final String ADA = "{\"name\":\"Ada Lovelace\",\"age\":36}";
    private static final String SERVER_ERROR = "{\"error\":{\"message\":\"The server had an error while processing"
            + " your request.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}";
    private static final String ONE_ATTEMPT = "{\"maxAttempts\":1,\"baseDelayMs\":1,\"maxDelayMs\":5}";

    private WireMockServer server;
    private final TestClock clock = new TestClock();

    @BeforeEach
    void start() {
        server = LoopbackLlm.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static String openAi(String name, String path, String extra) {
        return "{\"name\":\"" + name + "\",\"provider\":\"openai\",\"baseUrl\":\"{base}" + path + "\","
                + "\"model\":\"m" + path.replace('/', '-') + "\"" + extra + "}";
    }

    private void succeed(String path) {
        server.stubFor(post(path + "/chat/completions").willReturn(okJson(openAiCompletion(ADA, "stop"))));
    }

    private void fail(String path) {
        server.stubFor(post(path + "/chat/completions").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(SERVER_ERROR)));
    }

    private List<LoggedRequest> requests(String path) {
        return server.findAll(postRequestedFor(urlEqualTo(path + "/chat/completions")));
    }

    private static FixtureRequest request(String backend, int n) {
        return FixtureRequest.newBuilder().shape(LoopbackLlm.SHAPE).backend(backend).prompt("call " + n).build();
    }

    @Test
    void circuitOpensAfterConsecutiveFailuresAndClosesAfterTheCoolDown() {
        fail("/a");
        String config = openAi("solo", "/a", "");
        try (Llmock llmock = LoopbackLlm.engine(LoopbackLlm.config(server, config, ONE_ATTEMPT,
                "{\"failureThreshold\":2,\"openSeconds\":30}"), clock)) {
            for (int i = 0; i < 2; i++) {
                int n = i;
                assertThat(catchThrowableOfType(() -> llmock.generate(request("solo", n)), BackendException.class)
                        .status()).isEqualTo(500);
            }

            BackendException open = catchThrowableOfType(() -> llmock.generate(request("solo", 2)),
                    BackendException.class);

            assertThat(open).hasMessage("Backend \"solo\" (openai, model m-a) failed: POST http://127.0.0.1:"
                    + server.port() + "/a/chat/completions was not called because its circuit breaker is open after 2"
                    + " consecutive failures (last: HTTP 500); it lets a call through again at 2025-01-15T10:00:30Z"
                    + " (circuitBreaker.openSeconds = 30). Name a \"fallback\" backend, or pool several backends"
                    + " under one name, to keep going meanwhile.");
            assertThat(requests("/a")).hasSize(2);

            succeed("/a");
            clock.advance(Duration.ofSeconds(29));
            catchThrowableOfType(() -> llmock.generate(request("solo", 3)), BackendException.class);
            assertThat(requests("/a")).hasSize(2);

            clock.advance(Duration.ofSeconds(1));
            assertThat(llmock.generate(request("solo", 4)).json()).isEqualTo(json(ADA));
            assertThat(llmock.generate(request("solo", 5)).json()).isEqualTo(json(ADA));
            assertThat(requests("/a")).hasSize(4);
        }
    }

    @Test
    void aFailureWhileHalfOpenOpensTheCircuitAgain() {
        fail("/a");
        try (Llmock llmock = LoopbackLlm.engine(LoopbackLlm.config(server, openAi("solo", "/a", ""), ONE_ATTEMPT,
                "{\"failureThreshold\":1,\"openSeconds\":10}"), clock)) {
            catchThrowableOfType(() -> llmock.generate(request("solo", 0)), BackendException.class);
            clock.advance(Duration.ofSeconds(10));
            catchThrowableOfType(() -> llmock.generate(request("solo", 1)), BackendException.class);
            BackendException open = catchThrowableOfType(() -> llmock.generate(request("solo", 2)),
                    BackendException.class);

            assertThat(open.getMessage()).contains("it lets a call through again at 2025-01-15T10:00:20Z");
            assertThat(requests("/a")).hasSize(2);
        }
    }

    @Test
    void weightsSpreadCallsAcrossAPool() {
        succeed("/a");
        succeed("/b");
        String config = openAi("pool", "/a", ",\"weight\":3") + "," + openAi("pool", "/b", ",\"weight\":1");
        try (Llmock llmock = LoopbackLlm.engine(LoopbackLlm.config(server, config), clock)) {
            for (int i = 0; i < 8; i++) {
                llmock.generate(request("pool", i));
            }
        }

        assertThat(requests("/a")).hasSize(6);
        assertThat(requests("/b")).hasSize(2);
    }

    @Test
    void aPoolSkipsAFailedMemberAndThenItsOpenCircuit() {
        fail("/a");
        succeed("/b");
        String config = openAi("pool", "/a", "") + "," + openAi("pool", "/b", "");
        try (Llmock llmock = LoopbackLlm.engine(LoopbackLlm.config(server, config, ONE_ATTEMPT,
                "{\"failureThreshold\":1,\"openSeconds\":60}"), clock)) {
            for (int i = 0; i < 4; i++) {
                assertThat(llmock.generate(request("pool", i)).json()).isEqualTo(json(ADA));
            }
            BackendStats stats = llmock.stats().backend("pool").orElseThrow();
            assertThat(stats.successes()).isEqualTo(4);
            assertThat(stats.retries()).isEqualTo(1);
            assertThat(stats.calls()).isEqualTo(5);
        }

        assertThat(requests("/a")).hasSize(1);
        assertThat(requests("/b")).hasSize(4);
    }

    @Test
    void theFallbackAnswersWhenEveryPoolMemberFailed() {
        fail("/a");
        fail("/b");
        succeed("/c");
        String config = openAi("primary", "/a", ",\"fallback\":\"backup\"") + "," + openAi("primary", "/b", "") + ","
                + openAi("backup", "/c", "");
        try (Llmock llmock = LoopbackLlm.engine(LoopbackLlm.config(server, config, ONE_ATTEMPT,
                "{\"enabled\":false}"), clock)) {
            assertThat(llmock.generate(request("primary", 0)).json()).isEqualTo(json(ADA));
        }

        assertThat(requests("/a")).hasSize(1);
        assertThat(requests("/b")).hasSize(1);
        assertThat(requests("/c")).hasSize(1);
    }

    @Test
    void statsCountTheFailedMembersUnderThePoolAndTheAnswerUnderTheFallback() {
        fail("/a");
        fail("/b");
        succeed("/c");
        String config = openAi("primary", "/a", ",\"fallback\":\"backup\"") + "," + openAi("primary", "/b", "") + ","
                + openAi("backup", "/c", "");
        try (Llmock llmock = LoopbackLlm.engine(LoopbackLlm.config(server, config, ONE_ATTEMPT,
                "{\"enabled\":false}"), clock)) {
            llmock.generate(request("primary", 0));

            BackendStats primary = llmock.stats().backend("primary").orElseThrow();
            assertThat(primary.calls()).isEqualTo(2);
            assertThat(primary.failures()).isEqualTo(2);
            assertThat(primary.retries()).isEqualTo(2);
            assertThat(primary.successes()).isZero();
            BackendStats backup = llmock.stats().backend("backup").orElseThrow();
            assertThat(backup.calls()).isEqualTo(1);
            assertThat(backup.successes()).isEqualTo(1);
            assertThat(backup.promptTokens()).isEqualTo(120);
        }
    }

    @Test
    void aPoolWhoseMembersAllFailReportsTheLastFailureWithTheEarlierOnesSuppressed() {
        fail("/a");
        fail("/b");
        String config = openAi("pool", "/a", "") + "," + openAi("pool", "/b", "");
        try (Llmock llmock = LoopbackLlm.engine(LoopbackLlm.config(server, config, ONE_ATTEMPT,
                "{\"enabled\":false}"), clock)) {
            BackendException e = catchThrowableOfType(() -> llmock.generate(request("pool", 0)),
                    BackendException.class);

            assertThat(e.url()).endsWith("/b/chat/completions");
            assertThat(e.getSuppressed()).singleElement().isInstanceOfSatisfying(BackendException.class,
                    earlier -> assertThat(earlier.url()).endsWith("/a/chat/completions"));
            assertThat(e.costs()).extracting(cost -> cost.model()).containsExactly("m-a", "m-b");
            BackendStats stats = llmock.stats().backend("pool").orElseThrow();
            assertThat(stats.calls()).isEqualTo(2);
            assertThat(stats.failures()).isEqualTo(2);
            assertThat(stats.retries()).isEqualTo(1);
        }
    }

    @Test
    void aSingleBackendsFallbackAnswersWhenItFails() {
        fail("/a");
        succeed("/c");
        String config = openAi("primary", "/a", ",\"fallback\":\"backup\"") + "," + openAi("backup", "/c", "");
        try (Llmock llmock = LoopbackLlm.engine(LoopbackLlm.config(server, config, ONE_ATTEMPT,
                "{\"enabled\":false}"), clock)) {
            assertThat(llmock.generate(request("primary", 0)).json()).isEqualTo(json(ADA));
        }

        assertThat(requests("/a")).hasSize(1);
        assertThat(requests("/c")).hasSize(1);
    }

    @Test
    void maxConcurrentRequestsKeepsCallsInFlightToTheLimit() throws Exception {
        server.stubFor(post("/a/chat/completions").willReturn(okJson(openAiCompletion(ADA, "stop"))
                .withFixedDelay(150)));
        String config = openAi("one", "/a", ",\"maxConcurrentRequests\":1");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (Llmock llmock = LoopbackLlm.engine(LoopbackLlm.config(server, config), clock)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                calls.add(pool.submit(() -> llmock.generate(request("one", n))));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> arrivals = new ArrayList<>(requests("/a").stream().map(r -> r.getLoggedDate().getTime()).toList());
        arrivals.sort(Comparator.naturalOrder());
        assertThat(arrivals).hasSize(3);
        assertThat(arrivals.get(1) - arrivals.get(0)).isGreaterThanOrEqualTo(100);
        assertThat(arrivals.get(2) - arrivals.get(1)).isGreaterThanOrEqualTo(100);
    }
}

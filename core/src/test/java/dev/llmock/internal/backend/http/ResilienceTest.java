package dev.llmock.internal.backend.http;

import static dev.llmock.internal.backend.http.LoopbackLlm.ADA;
import static dev.llmock.internal.backend.http.LoopbackLlm.ONE_ATTEMPT;
import static dev.llmock.internal.backend.http.LoopbackLlm.json;
import static dev.llmock.internal.backend.http.LoopbackLlm.openAiBackend;
import static dev.llmock.internal.backend.http.LoopbackLlm.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.llmock.BackendException;
import dev.llmock.Fixture;
import dev.llmock.Llmock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The circuit breaker and maxConcurrentRequests of one HTTP backend, through the engine. */
class ResilienceTest {
    @RegisterExtension
    final LoopbackLlm llm = LoopbackLlm.serving("", "/a/chat/completions");

    @Test
    void circuitOpensAfterConsecutiveFailuresAndClosesAfterTheCoolDown() {
        llm.failOpenAi("/a");
        String config = openAiBackend("solo", "/a", "");
        try (Llmock llmock = llm.engine(llm.config(config, ONE_ATTEMPT,
                "{\"failureThreshold\":2,\"openSeconds\":30}"))) {
            for (int i = 0; i < 2; i++) {
                int n = i;
                assertThat(catchThrowableOfType(() -> llmock.generate(request("solo", n)), BackendException.class)
                        .status()).isEqualTo(500);
            }

            BackendException open = catchThrowableOfType(() -> llmock.generate(request("solo", 2)),
                    BackendException.class);

            assertThat(open).hasMessage("Backend \"solo\" (openai, model m-a) failed: POST http://127.0.0.1:"
                    + llm.port() + "/a/chat/completions was not called because its circuit breaker is open after 2"
                    + " consecutive failures (last: HTTP 500); it lets a call through again at 2025-01-15T10:00:30Z"
                    + " (circuitBreaker.openSeconds = 30). Name a \"fallback\" backend, or pool several backends"
                    + " under one name, to keep going meanwhile.");
            assertThat(llm.openAiRequests("/a")).hasSize(2);

            llm.answerOpenAi("/a", ADA);
            llm.clock().advance(Duration.ofSeconds(29));
            catchThrowableOfType(() -> llmock.generate(request("solo", 3)), BackendException.class);
            assertThat(llm.openAiRequests("/a")).hasSize(2);

            llm.clock().advance(Duration.ofSeconds(1));
            assertThat(llmock.generate(request("solo", 4)).json()).isEqualTo(json(ADA));
            assertThat(llmock.generate(request("solo", 5)).json()).isEqualTo(json(ADA));
            assertThat(llm.openAiRequests("/a")).hasSize(4);
        }
    }

    @Test
    void aFailureWhileHalfOpenOpensTheCircuitAgain() {
        llm.failOpenAi("/a");
        try (Llmock llmock = llm.engine(llm.config(openAiBackend("solo", "/a", ""), ONE_ATTEMPT,
                "{\"failureThreshold\":1,\"openSeconds\":10}"))) {
            catchThrowableOfType(() -> llmock.generate(request("solo", 0)), BackendException.class);
            llm.clock().advance(Duration.ofSeconds(10));
            catchThrowableOfType(() -> llmock.generate(request("solo", 1)), BackendException.class);
            BackendException open = catchThrowableOfType(() -> llmock.generate(request("solo", 2)),
                    BackendException.class);

            assertThat(open.getMessage()).contains("it lets a call through again at 2025-01-15T10:00:20Z");
            assertThat(llm.openAiRequests("/a")).hasSize(2);
        }
    }

    @Test
    void aHalfOpenCircuitLetsExactlyOneTrialCallThroughAndRefusesTheOthersMeanwhile() throws Exception {
        llm.failOpenAi("/a");
        Llmock llmock = llm.engine(llm.config(openAiBackend("solo", "/a", ""), ONE_ATTEMPT,
                "{\"failureThreshold\":1,\"openSeconds\":10}"));
        catchThrowableOfType(() -> llmock.generate(request("solo", 0)), BackendException.class);
        llm.clock().advance(Duration.ofSeconds(10));
        llm.answerOpenAi("/a", ADA);
        LoopbackLlm.Gate gate = llm.gate();
        int callers = 4;
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CompletionService<Fixture> done = new ExecutorCompletionService<>(pool);
        List<Throwable> refused = new ArrayList<>();
        try {
            for (int i = 1; i <= callers; i++) {
                int n = i;
                done.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return llmock.generate(request("solo", n));
                });
            }
            // the trial is held at the server's gate: every other caller must be answered meanwhile
            for (int i = 0; i < callers - 1; i++) {
                Future<Fixture> call = done.poll(30, TimeUnit.SECONDS);
                assertThat(call).as("callers answered while the trial is held: " + i).isNotNull();
                refused.add(catchThrowable(call::get).getCause());
            }
            // the trial holds the half-open permit before its request is sent: wait for it to reach the gate
            assertThat(gate.awaitArrivals(1)).isTrue();
            assertThat(gate.arrived()).isEqualTo(1);
            gate.open();
            assertThat(done.take().get().json()).isEqualTo(json(ADA));
        } finally {
            gate.open();
            pool.shutdownNow();
        }

        assertThat(refused).hasSize(callers - 1).allSatisfy(failure -> assertThat(failure)
                .isInstanceOf(BackendException.class).hasMessage("Backend \"solo\" (openai, model m-a) failed: POST"
                        + " http://127.0.0.1:" + llm.port() + "/a/chat/completions was not called because its circuit"
                        + " breaker is half-open after 1 consecutive failures (last: HTTP 500) and its one trial call is"
                        + " still out; calls go through again once that trial succeeds. Name a \"fallback\" backend, or"
                        + " pool several backends under one name, to keep going meanwhile."));
        assertThat(llm.openAiRequests("/a")).hasSize(2);
        assertThat(llmock.generate(request("solo", 9)).json()).isEqualTo(json(ADA));
        assertThat(llm.openAiRequests("/a")).hasSize(3);
    }

    @Test
    void maxConcurrentRequestsKeepsCallsInFlightToTheLimit() throws Exception {
        llm.answerOpenAi("/a", ADA);
        llm.holdEachRequest(Duration.ofMillis(100));
        String config = openAiBackend("one", "/a", ",\"maxConcurrentRequests\":1");
        Llmock llmock = llm.engine(llm.config(config));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
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

        assertThat(llm.openAiRequests("/a")).hasSize(3);
        assertThat(llm.maxInFlight()).isEqualTo(1);
    }
}

package dev.llmock.internal.engine;

import static dev.llmock.internal.backend.http.LoopbackLlm.ADA;
import static dev.llmock.internal.backend.http.LoopbackLlm.ONE_ATTEMPT;
import static dev.llmock.internal.backend.http.LoopbackLlm.json;
import static dev.llmock.internal.backend.http.LoopbackLlm.openAiBackend;
import static dev.llmock.internal.backend.http.LoopbackLlm.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.llmock.BackendException;
import dev.llmock.BackendStats;
import dev.llmock.Fixture;
import dev.llmock.Llmock;
import dev.llmock.internal.backend.http.LoopbackLlm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Backends sharing a name: weights, skipping failed and open members, fallback, and how each call is counted. */
class BackendPoolTest {
    @RegisterExtension
    final LoopbackLlm llm = LoopbackLlm.serving("", "/a/chat/completions");

    @Test
    void weightsSpreadCallsAcrossAPool() {
        llm.answerOpenAi("/a", ADA);
        llm.answerOpenAi("/b", ADA);
        String config = openAiBackend("pool", "/a", ",\"weight\":3") + "," + openAiBackend("pool", "/b", ",\"weight\":1");
        try (Llmock llmock = llm.engine(llm.config(config))) {
            for (int i = 0; i < 8; i++) {
                llmock.generate(request("pool", i));
            }
        }

        assertThat(llm.openAiRequests("/a")).hasSize(6);
        assertThat(llm.openAiRequests("/b")).hasSize(2);
    }

    @Test
    void aPoolSkipsAFailedMemberAndThenItsOpenCircuit() {
        llm.failOpenAi("/a");
        llm.answerOpenAi("/b", ADA);
        String config = openAiBackend("pool", "/a", "") + "," + openAiBackend("pool", "/b", "");
        try (Llmock llmock = llm.engine(llm.config(config, ONE_ATTEMPT,
                "{\"failureThreshold\":1,\"openSeconds\":60}"))) {
            for (int i = 0; i < 4; i++) {
                assertThat(llmock.generate(request("pool", i)).json()).isEqualTo(json(ADA));
            }
            BackendStats stats = llmock.stats().backend("pool").orElseThrow();
            assertThat(stats.successes()).isEqualTo(4);
            assertThat(stats.retries()).isEqualTo(1);
            assertThat(stats.calls()).isEqualTo(5);
        }

        assertThat(llm.openAiRequests("/a")).hasSize(1);
        assertThat(llm.openAiRequests("/b")).hasSize(4);
    }

    @Test
    void theFallbackAnswersWhenEveryPoolMemberFailed() {
        llm.failOpenAi("/a");
        llm.failOpenAi("/b");
        llm.answerOpenAi("/c", ADA);
        String config = openAiBackend("primary", "/a", ",\"fallback\":\"backup\"") + "," + openAiBackend("primary", "/b", "") + ","
                + openAiBackend("backup", "/c", "");
        try (Llmock llmock = llm.engine(llm.config(config, ONE_ATTEMPT,
                "{\"enabled\":false}"))) {
            assertThat(llmock.generate(request("primary", 0)).json()).isEqualTo(json(ADA));
        }

        assertThat(llm.openAiRequests("/a")).hasSize(1);
        assertThat(llm.openAiRequests("/b")).hasSize(1);
        assertThat(llm.openAiRequests("/c")).hasSize(1);
    }

    @Test
    void statsCountTheFailedMembersUnderThePoolAndTheAnswerUnderTheFallback() {
        llm.failOpenAi("/a");
        llm.failOpenAi("/b");
        llm.answerOpenAi("/c", ADA);
        String config = openAiBackend("primary", "/a", ",\"fallback\":\"backup\"") + "," + openAiBackend("primary", "/b", "") + ","
                + openAiBackend("backup", "/c", "");
        try (Llmock llmock = llm.engine(llm.config(config, ONE_ATTEMPT,
                "{\"enabled\":false}"))) {
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
    void theFallbacksAnswerIsBookedAndPricedUnderTheFallback() {
        llm.failOpenAi("/a");
        llm.answerOpenAi("/c", ADA);
        String config = openAiBackend("primary", "/a", ",\"fallback\":\"backup\",\"costPer1kInputTokens\":50,"
                + "\"costPer1kOutputTokens\":50") + "," + openAiBackend("backup", "/c", ",\"costPer1kInputTokens\":1.0,"
                + "\"costPer1kOutputTokens\":2.0");
        try (Llmock llmock = llm.engine(llm.config(config, ONE_ATTEMPT, "{\"enabled\":false}"))) {
            Fixture fixture = llmock.generate(request("primary", 0));

            assertThat(fixture.provenance().backend()).isEqualTo("backup");
            BackendStats primary = llmock.stats().backend("primary").orElseThrow();
            assertThat(primary.calls()).isEqualTo(1);
            assertThat(primary.failures()).isEqualTo(1);
            assertThat(primary.promptTokens()).isZero();
            assertThat(primary.estimatedCost()).isEqualTo(0.0);
            BackendStats backup = llmock.stats().backend("backup").orElseThrow();
            assertThat(backup.calls()).isEqualTo(1);
            assertThat(backup.successes()).isEqualTo(1);
            assertThat(backup.promptTokens()).isEqualTo(120);
            assertThat(backup.completionTokens()).isEqualTo(15);
            // 120 / 1000 * 1.0 + 15 / 1000 * 2.0
            assertThat(backup.estimatedCost()).isCloseTo(0.15, within(1e-9));
        }
    }

    @Test
    void aPoolWhoseMembersAllFailReportsTheLastFailureWithTheEarlierOnesSuppressed() {
        llm.failOpenAi("/a");
        llm.failOpenAi("/b");
        String config = openAiBackend("pool", "/a", "") + "," + openAiBackend("pool", "/b", "");
        try (Llmock llmock = llm.engine(llm.config(config, ONE_ATTEMPT,
                "{\"enabled\":false}"))) {
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
        llm.failOpenAi("/a");
        llm.answerOpenAi("/c", ADA);
        String config = openAiBackend("primary", "/a", ",\"fallback\":\"backup\"") + "," + openAiBackend("backup", "/c", "");
        try (Llmock llmock = llm.engine(llm.config(config, ONE_ATTEMPT,
                "{\"enabled\":false}"))) {
            assertThat(llmock.generate(request("primary", 0)).json()).isEqualTo(json(ADA));
        }

        assertThat(llm.openAiRequests("/a")).hasSize(1);
        assertThat(llm.openAiRequests("/c")).hasSize(1);
    }
}

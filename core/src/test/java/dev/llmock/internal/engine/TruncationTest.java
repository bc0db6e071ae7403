package dev.llmock.internal.engine;

import static dev.llmock.internal.engine.Simulated.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.llmock.BackendException;
import dev.llmock.BackendStats;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.spi.BackendLimits;
import dev.llmock.spi.BackendRequest;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A backend reports an answer cut off at the token limit; the engine, which batches, asks again. */
class TruncationTest {
    private static final String USER = "{\"id\":0,\"name\":\"string\"}";

    /** Numbered users, except for the calls {@code cut} reports cut off; 1000 tokens, so 4 records fit one call. */
    private static Simulated users(Predicate<BackendRequest> cut) {
        return Simulated.answering("cut", request -> Simulated.records(request,
                        i -> json("{'id':" + i + ",'name':'User " + i + "'}")))
                .withLimits(new BackendLimits(1000, 1, null)).cuttingOff(cut);
    }

    private static FixtureRequest request(int count) {
        return FixtureRequest.newBuilder().shape(USER).backend("cut").count(count).build();
    }

    @Test
    void aCutOffBatchIsAskedForAgainInTwoHalvesAtTheSameRecordIndexes() {
        Simulated backend = users(request -> request.count() > 2);
        try (Llmock llmock = Llmock.newBuilder().backend(backend).cache(false).build()) {
            Fixture fixture = llmock.generate(request(4));

            assertThat(fixture.json().findValuesAsText("name")).containsExactly("User 0", "User 1", "User 2", "User 3");
            assertThat(backend.calls()).extracting(BackendRequest::count).containsExactly(4, 2, 2);
            assertThat(backend.calls()).extracting(BackendRequest::firstIndex).containsExactly(0, 0, 2);
            assertThat(fixture.provenance().attempts()).isEqualTo(3);
            BackendStats stats = llmock.stats().backend("cut").orElseThrow();
            assertThat(stats.calls()).isEqualTo(3);
            assertThat(stats.successes()).isEqualTo(2);
            assertThat(stats.retries()).isEqualTo(1);
        }
    }

    @Test
    void aCutOffVerdictOnSeveralRecordsIsAskedForAgainWholeWithTwiceTheBudget() {
        Simulated maker = users(request -> false);
        Simulated judge = Simulated.answering("judge", "{'valid':true,'problems':[],'corrected':null}")
                .withLimits(new BackendLimits(1000, 1, null)).cuttingOff(request -> request.maxTokens() == null);
        try (Llmock llmock = Llmock.newBuilder().backend(maker).backend(judge).cache(false).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(USER).backend("cut").count(3)
                    .validate("judge").build());

            assertThat(fixture.json()).hasSize(3);
            assertThat(judge.calls()).extracting(BackendRequest::count).containsExactly(3, 3);
            assertThat(judge.calls()).extracting(BackendRequest::maxTokens).containsExactly(null, 2000);
        }
    }

    @Test
    void aCutOffRecordIsAskedForAgainWithTwiceTheBudgetTwiceAtMost() {
        Simulated twice = users(request -> request.maxTokens() == null || request.maxTokens() < 4000);
        try (Llmock llmock = Llmock.newBuilder().backend(twice).cache(false).build()) {
            Fixture fixture = llmock.generate(request(1));

            assertThat(fixture.json().get("name").asText()).isEqualTo("User 0");
            assertThat(twice.calls()).extracting(BackendRequest::maxTokens).containsExactly(null, 2000, 4000);
            assertThat(fixture.provenance().attempts()).isEqualTo(3);
        }

        Simulated always = users(request -> true);
        try (Llmock llmock = Llmock.newBuilder().backend(always).cache(false).build()) {
            BackendException e = catchThrowableOfType(() -> llmock.generate(request(1)), BackendException.class);

            assertThat(e).hasMessage("The backend \"cut\" (simulated, model sim-1) was cut off at the output token"
                    + " limit (max 4000 tokens), even after retrying with a larger budget and fewer records per call."
                    + " Raise \"maxTokens\" of backend \"cut\", or ask for fewer or smaller records.");
            assertThat(e.cost().truncated()).isTrue();
            assertThat(always.calls()).hasSize(3);
        }
    }
}

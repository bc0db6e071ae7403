package dev.llmock.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.llmock.BackendException;
import dev.llmock.BackendStats;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.internal.Json;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendLimits;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import dev.llmock.spi.CallCost;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A backend reports an answer cut off at the token limit; the engine, which batches, asks again. */
class TruncationTest {
    private static final String USER = "{\"id\":0,\"name\":\"string\"}";

    /** Answers whole records unless {@code cut} says the call stops at the token limit. */
    private static final class CuttingBackend implements Backend {
        final List<BackendRequest> calls = Collections.synchronizedList(new ArrayList<>());
        private final Predicate<BackendRequest> cut;

        CuttingBackend(Predicate<BackendRequest> cut) {
            this.cut = cut;
        }

        @Override
        public String name() {
            return "cut";
        }

        @Override
        public String provider() {
            return "simulated";
        }

        @Override
        public String model() {
            return "sim-1";
        }

        @Override
        public BackendLimits limits() {
            return new BackendLimits(1000, 1, null);
        }

        @Override
        public BackendResponse call(BackendRequest request) {
            calls.add(request);
            boolean truncated = cut.test(request);
            CallCost cost = new CallCost(name(), provider(), model(), 1, 0, 50L, 7L, truncated);
            return new BackendResponse(truncated ? null : records(request), cost);
        }

        private static JsonNode records(BackendRequest request) {
            if (request.count() == 1) {
                return user(request.firstIndex());
            }
            ArrayNode all = Json.MAPPER.createArrayNode();
            for (int i = 0; i < request.count(); i++) {
                all.add(user(request.firstIndex() + i));
            }
            return all;
        }

        private static JsonNode user(int index) {
            return Json.MAPPER.createObjectNode().put("id", index).put("name", "User " + index);
        }
    }

    @Test
    void aCutOffBatchIsAskedForAgainInTwoHalvesAtTheSameRecordIndexes() {
        CuttingBackend backend = new CuttingBackend(request -> request.count() > 2);
        try (Llmock llmock = Llmock.newBuilder().backend(backend).cache(false).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(USER).backend("cut").count(4).build());

            assertThat(fixture.json().findValuesAsText("name")).containsExactly("User 0", "User 1", "User 2", "User 3");
            assertThat(backend.calls).extracting(BackendRequest::count).containsExactly(4, 2, 2);
            assertThat(backend.calls).extracting(BackendRequest::firstIndex).containsExactly(0, 0, 2);
            assertThat(fixture.provenance().attempts()).isEqualTo(3);
            BackendStats stats = llmock.stats().backend("cut").orElseThrow();
            assertThat(stats.calls()).isEqualTo(3);
            assertThat(stats.successes()).isEqualTo(2);
            assertThat(stats.retries()).isEqualTo(1);
        }
    }

    @Test
    void aCutOffRecordIsAskedForAgainWithTwiceTheBudgetTwiceAtMost() {
        CuttingBackend twice = new CuttingBackend(request -> request.maxTokens() == null || request.maxTokens() < 4000);
        try (Llmock llmock = Llmock.newBuilder().backend(twice).cache(false).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(USER).backend("cut").build());

            assertThat(fixture.json().get("name").asText()).isEqualTo("User 0");
            assertThat(twice.calls).extracting(BackendRequest::maxTokens).containsExactly(null, 2000, 4000);
            assertThat(fixture.provenance().completionTokens()).isEqualTo(21L);
        }

        CuttingBackend always = new CuttingBackend(request -> true);
        try (Llmock llmock = Llmock.newBuilder().backend(always).cache(false).build()) {
            BackendException e = catchThrowableOfType(() -> llmock.generate(FixtureRequest.newBuilder().shape(USER)
                    .backend("cut").build()), BackendException.class);

            assertThat(e).hasMessage("The backend \"cut\" (simulated, model sim-1) was cut off at the output token"
                    + " limit (max 4000 tokens), even after retrying with a larger budget and fewer records per call."
                    + " Raise \"maxTokens\" of backend \"cut\", or ask for fewer or smaller records.");
            assertThat(e.cost().truncated()).isTrue();
            assertThat(always.calls).hasSize(3);
        }
    }
}

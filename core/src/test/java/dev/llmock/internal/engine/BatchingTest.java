package dev.llmock.internal.engine;

import static dev.llmock.internal.engine.Simulated.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.spi.BackendRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchingTest {
    private static final String USER = "{\"id\":0,\"name\":\"string\"}";
    /** The user schema is about 225 characters, so 56 tokens a record: 300 * 0.75 / 56 = 4 records a call. */
    private static final LlmockConfig LIMITED = LlmockConfig.parse("""
            {"backends": [{"name": "sim", "provider": "synthetic", "maxTokens": 300, "maxConcurrentRequests": 2}]}
            """, "test");

    private static Simulated users(String name) {
        return Simulated.answering(name, request -> Simulated.records(request,
                i -> json("{'id':" + i + ",'name':'User " + i + "'}"))).withLatency(30)
                // the first two calls answer only once both have started: two run at once
                .withStartGate(new CountDownLatch(2));
    }

    @Test
    void aLargeCountIsSplitIntoBatchesFromTheTokenBudgetRunUpToTheConcurrencyLimit() {
        Simulated sim = users("sim");
        List<int[]> progress = new ArrayList<>();
        try (Llmock llmock = Llmock.newBuilder().config(LIMITED).backend(sim).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(USER).backend("sim").count(50).build(),
                    (done, total) -> progress.add(new int[] {done, total}));

            assertThat(fixture.json()).hasSize(50);
            assertThat(new HashSet<>(fixture.json().findValuesAsText("name"))).hasSize(50);
            assertThat(sim.calls()).extracting(r -> r.count()).containsOnly(4, 2);
            assertThat(sim.calls()).hasSize(13);
            assertThat(sim.maxInFlight()).isEqualTo(2);
            JsonNode batching = fixture.provenance().details().get("batching");
            assertThat(batching.toString()).isEqualTo("{\"batchSize\":4,\"concurrency\":2,\"batches\":13,\"calls\":13,"
                    + "\"reasked\":0,\"duplicatesKept\":0}");
            assertThat(progress).hasSize(13);
            assertThat(progress.get(progress.size() - 1)).containsExactly(50, 50);
            assertThat(progress).extracting(p -> p[0]).isSorted();
        }
    }

    @Test
    void aShortfallIsAskedForAgainUntilExactlyTheCountIsThere() {
        Simulated shortChanging = Simulated.answering("sim", request -> {
            JsonNode all = Simulated.records(request, i -> json("{'id':" + i + ",'name':'User " + i + "'}"));
            if (request.count() > 1) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) all).remove(all.size() - 1);
            }
            return all;
        });
        try (Llmock llmock = Llmock.newBuilder().config(LIMITED).backend(shortChanging).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(USER).backend("sim").count(12).build());

            assertThat(fixture.json()).hasSize(12);
            assertThat(new HashSet<>(fixture.json().findValuesAsText("name"))).hasSize(12);
            // three batches of 4 each one short: 3 asked again in one batch, itself one short: 1 more
            assertThat(fixture.provenance().details().at("/batching/reasked").asInt()).isEqualTo(4);
        }
    }

    @Test
    void duplicatesAreDroppedAndAskedForAgain() {
        AtomicInteger calls = new AtomicInteger();
        Simulated repetitive = Simulated.answering("sim", request -> calls.getAndIncrement() == 0
                ? Simulated.records(request, i -> json("{'id':1,'name':'Same'}"))
                : Simulated.records(request, i -> json("{'id':" + i + ",'name':'User " + i + "'}")));
        try (Llmock llmock = Llmock.newBuilder().backend(repetitive).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(USER).backend("sim").count(5).build());

            assertThat(fixture.json()).hasSize(5);
            assertThat(new HashSet<>(fixture.json().findValuesAsText("name"))).hasSize(5);
            assertThat(fixture.provenance().details().at("/batching/reasked").asInt()).isEqualTo(4);
        }
    }

    @Test
    void everyCallHasItsOwnSeedAndListsTheIdentifyingValuesOfTheRecordsMadeBeforeIt() {
        LlmockConfig oneAtATime = LlmockConfig.parse("""
                {"backends": [{"name": "sim", "provider": "synthetic", "maxTokens": 300, "maxConcurrentRequests": 1}]}
                """, "test");
        Simulated sim = Simulated.answering("sim", request -> Simulated.records(request,
                i -> json("{'id':" + i + ",'name':'User " + i + "'}")));
        try (Llmock llmock = Llmock.newBuilder().config(oneAtATime).backend(sim).build()) {
            llmock.generate(FixtureRequest.newBuilder().shape(USER).backend("sim").count(10).build());

            List<BackendRequest> calls = sim.calls();
            assertThat(calls).extracting(BackendRequest::firstIndex).containsExactly(0, 4, 8);
            assertThat(calls).extracting(BackendRequest::total).containsOnly(10);
            assertThat(calls).extracting(BackendRequest::seed).doesNotHaveDuplicates();
            assertThat(calls.get(0).avoid()).isNull();
            assertThat(calls.get(1).avoid()).isEqualTo(json(
                    "{'/name':['User 0','User 1','User 2','User 3'],'/id':[0,1,2,3]}"));
            assertThat(calls.get(2).avoid().get("/name")).hasSize(8);
        }
    }

    @Test
    void aRecordAskedForAgainGetsAFreshSeedAndTheValuesItRepeated() {
        Simulated repetitive = Simulated.answering("sim", request -> request.asksAgain()
                ? Simulated.records(request, i -> json("{'id':" + i + ",'name':'User " + i + "'}"))
                : Simulated.records(request, i -> json("{'id':1,'name':'Same'}")));
        try (Llmock llmock = Llmock.newBuilder().backend(repetitive).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(USER).backend("sim").count(3).build());

            assertThat(new HashSet<>(fixture.json().findValuesAsText("name"))).hasSize(3);
            BackendRequest first = repetitive.calls().get(0);
            BackendRequest again = repetitive.calls().get(1);
            assertThat(again.asksAgain()).isTrue();
            assertThat(again.firstIndex()).isEqualTo(3);
            assertThat(again.seed()).isNotEqualTo(first.seed());
            assertThat(again.avoid()).isEqualTo(json("{'/name':['Same'],'/id':[1]}"));
        }
    }

    @Test
    void theSyntheticGeneratorKeepsLargeBatches() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder()
                    .shape("{\"name\":\"string\",\"email\":\"email\",\"city\":\"string\"}").count(1000).build());

            assertThat(fixture.json()).hasSize(1000);
            assertThat(fixture.provenance().details().at("/batching/batchSize").asInt()).isEqualTo(250);
            assertThat(fixture.provenance().details().at("/batching/batches").asInt()).isGreaterThanOrEqualTo(4);
        }
    }
}

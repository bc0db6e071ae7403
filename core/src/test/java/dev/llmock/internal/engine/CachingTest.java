package dev.llmock.internal.engine;

import static dev.llmock.internal.engine.Simulated.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.Provenance;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingTest {

    private static Simulated counting(String name) {
        AtomicInteger calls = new AtomicInteger();
        return Simulated.answering(name, request -> json("{'name':'Call " + calls.incrementAndGet() + "'}"));
    }

    @Test
    void anIdenticalRequestIsAnsweredFromTheCacheWithoutCallingTheBackend() {
        Simulated sim = counting("sim");
        try (Llmock llmock = Llmock.newBuilder().backend(sim).build()) {
            FixtureRequest request = FixtureRequest.newBuilder().shape("{\"name\":\"string\"}").backend("sim").build();
            Fixture first = llmock.generate(request);
            Fixture second = llmock.generate(FixtureRequest.newBuilder().shape("{\"name\":\"string\"}").backend("sim")
                    .build());

            assertThat(sim.calls()).hasSize(1);
            assertThat(second.json()).isEqualTo(first.json());
            assertThat(first.provenance().source()).isEqualTo(Provenance.Source.GENERATED);
            assertThat(second.provenance().source()).isEqualTo(Provenance.Source.CACHED);
        }
    }

    @Test
    void cacheVariantsAreServedInTurn() {
        Simulated sim = counting("sim");
        try (Llmock llmock = Llmock.newBuilder().backend(sim).build()) {
            FixtureRequest request = FixtureRequest.newBuilder().shape("{\"$cache\":3,\"name\":\"string\"}").backend("sim")
                    .build();
            String[] names = new String[5];
            Provenance.Source[] sources = new Provenance.Source[5];
            for (int i = 0; i < 5; i++) {
                Fixture fixture = llmock.generate(request);
                names[i] = fixture.json().get("name").asText();
                sources[i] = fixture.provenance().source();
            }

            assertThat(names).containsExactly("Call 1", "Call 2", "Call 3", "Call 1", "Call 2");
            assertThat(sources).containsExactly(Provenance.Source.GENERATED, Provenance.Source.GENERATED,
                    Provenance.Source.GENERATED, Provenance.Source.CACHED, Provenance.Source.CACHED);
            assertThat(sim.calls()).hasSize(3);
        }
    }

    @Test
    void withTheCacheOffEveryRequestCallsTheBackend() {
        Simulated sim = counting("sim");
        try (Llmock llmock = Llmock.newBuilder().backend(sim).cache(false).build()) {
            FixtureRequest request = FixtureRequest.newBuilder().shape("{\"name\":\"string\"}").backend("sim").build();
            llmock.generate(request);
            llmock.generate(request);

            assertThat(sim.calls()).hasSize(2);
        }
    }
}

package dev.llmock.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.ConfigException;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.GenerationException;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.Provenance;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import dev.llmock.spi.CallCost;
import dev.llmock.spi.FixtureInterceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class EngineTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SHAPE = "{\"name\":\"string\",\"age\":0}";

    /** A backend that answers from a script and remembers what it was asked. */
    static final class ScriptedBackend implements Backend {
        final Deque<String> answers = new ArrayDeque<>();
        final List<BackendRequest> calls = new ArrayList<>();
        private final String name;

        ScriptedBackend(String name, String... answers) {
            this.name = name;
            this.answers.addAll(List.of(answers));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String provider() {
            return "scripted";
        }

        @Override
        public String model() {
            return "script-1";
        }

        @Override
        public synchronized BackendResponse call(BackendRequest request) {
            calls.add(request);
            String answer = answers.size() > 1 ? answers.poll() : answers.peek();
            try {
                return new BackendResponse(MAPPER.readTree(answer), new CallCost(name, provider(), "script-1", 1, 0, 10L, 5L,
                        false));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void withNoConfigEveryNameResolvesToSyntheticWithOneLogLine() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("dev.llmock");
        logger.addHandler(handler);
        try (Llmock llmock = Llmock.newBuilder().config(LlmockConfig.none()).build()) {
            for (String name : List.of("fast", "quality", "", "anything-at-all")) {
                Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(SHAPE).backend(name).build());

                assertThat(fixture.provenance().provider()).isEqualTo("synthetic");
                assertThat(fixture.provenance().backend()).isEqualTo(name.isEmpty() ? "synthetic" : name);
            }
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(records).extracting(LogRecord::getMessage).containsExactly("llmock: no llmock.json found"
                + " (-Dllmock.config, LLMOCK_CONFIG, classpath llmock.json); every backend name resolves to the"
                + " embedded synthetic generator.");
    }

    @Test
    void aBackendThatChangesTheAnswerItKeptAfterwardsDoesNotChangeTheFixture() {
        // The engine hands its output to the fixture without copying: what a backend returns is copied where it
        // enters, unless the backend is llmock's own synthetic one, whose answers are made per call.
        ObjectNode kept = (ObjectNode) Simulated.json("{'name':'Ada','age':36}");
        Simulated keeper = Simulated.answering("keeper", request -> kept);
        try (Llmock llmock = Llmock.newBuilder().config(LlmockConfig.none()).backend(keeper).cache(false).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(SHAPE).backend("keeper").build());
            kept.put("name", "changed later");

            assertThat(fixture.json()).isEqualTo(Simulated.json("{'name':'Ada','age':36}"));
            assertThat(fixture.withProvenance(fixture.provenance()).json()).isEqualTo(fixture.json());
        }
    }

    @Test
    void unknownBackendWithAConfigFailsListingTheConfiguredNames() {
        LlmockConfig config = LlmockConfig.parse("{\"backends\": [{\"name\": \"fast\", \"provider\": \"synthetic\"},"
                + " {\"name\": \"quality\", \"provider\": \"synthetic\", \"model\": \"other\"}]}", "test-llmock.json");
        try (Llmock llmock = Llmock.newBuilder().config(config).build()) {
            assertThat(llmock.generate(FixtureRequest.newBuilder().shape(SHAPE).backend("fast").build())
                    .provenance().backend()).isEqualTo("fast");

            assertThatThrownBy(() -> llmock.generate(FixtureRequest.newBuilder().shape(SHAPE).backend("fsat").build()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("No backend named \"fsat\" in test-llmock.json; configured: [fast, quality, synthetic]."
                            + " Add it to \"backends\", or use one of those names.");
        }
    }

    @Test
    void disabledBackendFailsSayingSo() {
        LlmockConfig config = LlmockConfig.parse("{\"backends\": [{\"name\": \"fast\", \"provider\": \"synthetic\"},"
                + " {\"name\": \"slow\", \"provider\": \"ollama\", \"enabled\": false}]}", "test-llmock.json");
        try (Llmock llmock = Llmock.newBuilder().config(config).build()) {
            assertThatThrownBy(() -> llmock.generate(FixtureRequest.newBuilder().shape(SHAPE).backend("slow").build()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("The backend \"slow\" is disabled in test-llmock.json. Set \"enabled\": true on it, or use"
                            + " one of [fast, synthetic].");
        }
    }

    @Test
    void secondIdenticalRequestIsServedFromTheCache() {
        ScriptedBackend backend = new ScriptedBackend("b", "{\"name\":\"Ann\",\"age\":3}");
        try (Llmock llmock = Llmock.newBuilder().backend(backend).build()) {
            FixtureRequest request = FixtureRequest.newBuilder().shape(SHAPE).backend("b").build();

            Fixture first = llmock.generate(request);
            Fixture second = llmock.generate(FixtureRequest.newBuilder().shape(SHAPE).backend("b").label("other").build());

            assertThat(first.provenance().source()).isEqualTo(Provenance.Source.GENERATED);
            assertThat(second.provenance().source()).isEqualTo(Provenance.Source.CACHED);
            assertThat(second.json()).isEqualTo(first.json());
            assertThat(backend.calls).hasSize(1);
        }
    }

    @Test
    void withoutTheCacheEveryRequestIsGenerated() {
        ScriptedBackend backend = new ScriptedBackend("b", "{\"name\":\"Ann\",\"age\":3}");
        try (Llmock llmock = Llmock.newBuilder().backend(backend).cache(false).build()) {
            FixtureRequest request = FixtureRequest.newBuilder().shape(SHAPE).backend("b").build();

            assertThat(llmock.generate(request).provenance().source()).isEqualTo(Provenance.Source.GENERATED);
            assertThat(llmock.generate(request).provenance().source()).isEqualTo(Provenance.Source.GENERATED);
            assertThat(backend.calls).hasSize(2);
        }
    }

    @Test
    void cacheDirectiveServesItsVariantsInTurnThenRepeats() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            FixtureRequest request = FixtureRequest.newBuilder().shape("{\"$cache\":3,\"name\":\"string\",\"email\":\"email\"}")
                    .build();

            List<Fixture> fixtures = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                fixtures.add(llmock.generate(request));
            }

            Set<JsonNode> firstThree = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                firstThree.add(fixtures.get(i).json());
                assertThat(fixtures.get(i).provenance().source()).isEqualTo(Provenance.Source.GENERATED);
            }
            assertThat(firstThree).hasSize(3);
            for (int i = 3; i < 7; i++) {
                assertThat(fixtures.get(i).json()).isEqualTo(fixtures.get(i % 3).json());
                assertThat(fixtures.get(i).provenance().source()).isEqualTo(Provenance.Source.CACHED);
            }
        }
    }

    @Test
    void invalidOutputIsSentBackForRepairAndTheAttemptsAreCounted() {
        ScriptedBackend backend = new ScriptedBackend("flaky", "{\"name\":\"Ann\",\"age\":\"old\"}",
                "{\"name\":\"Ann\",\"age\":30}");
        try (Llmock llmock = Llmock.newBuilder().backend(backend).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(SHAPE).backend("flaky").build());

            assertThat(fixture.json()).isEqualTo(json("{\"name\":\"Ann\",\"age\":30}"));
            assertThat(fixture.provenance().attempts()).isEqualTo(2);
            assertThat(fixture.provenance().backend()).isEqualTo("flaky");
            assertThat(fixture.provenance().model()).isEqualTo("script-1");
            assertThat(fixture.provenance().promptTokens()).isEqualTo(20L);
            assertThat(fixture.provenance().completionTokens()).isEqualTo(10L);
            assertThat(backend.calls).hasSize(2);
            assertThat(backend.calls.get(0).repair()).isEmpty();
            assertThat(backend.calls.get(1).repair())
                    .containsExactly(new Violation("/age", "expected integer but was string \"old\""));
            assertThat(backend.calls.get(1).previous()).isEqualTo(json("{\"name\":\"Ann\",\"age\":\"old\"}"));
        }
    }

    @Test
    void afterMaxAttemptsTheErrorListsViolationsAndTheLastOutput() {
        ScriptedBackend backend = new ScriptedBackend("flaky", "{\"name\":7}");
        try (Llmock llmock = Llmock.newBuilder().backend(backend).build()) {
            FixtureRequest request = FixtureRequest.newBuilder().shape(SHAPE).backend("flaky").maxAttempts(3)
                    .label("UserTest.signsUp(User)").build();

            assertThatThrownBy(() -> llmock.generate(request))
                    .isInstanceOfSatisfying(GenerationException.class, e -> {
                        assertThat(e.violations()).containsExactly(
                                new Violation("/name", "expected string but was number 7"),
                                new Violation("/age", "missing required property \"age\" (integer)"));
                        assertThat(e.lastOutput()).isEqualTo(json("{\"name\":7}"));
                    })
                    .hasMessage("The backend \"flaky\" (scripted, model script-1) produced data that does not fit the"
                            + " shape after 3 attempts for UserTest.signsUp(User). Still failing:"
                            + "\n  /name: expected string but was number 7"
                            + "\n  /age: missing required property \"age\" (integer)"
                            + "\nLast output: {\"name\":7}"
                            + "\nRaise maxAttempts, relax the shape or rules, or use a stronger backend.");
            assertThat(backend.calls).hasSize(3);
        }
    }

    @Test
    void interceptorAddedOnTheBuilderSeesTheRequestFirstAndMayAnswerAlone() {
        ScriptedBackend backend = new ScriptedBackend("b", "{\"name\":\"Ann\",\"age\":3}");
        List<String> seen = new ArrayList<>();
        Provenance canned = new Provenance(Provenance.Source.REPLAYED, "cassette", "synthetic", null, 1, Duration.ZERO,
                null, null, Instant.EPOCH, null);
        FixtureInterceptor first = chain -> {
            seen.add("first:" + chain.request().label());
            if ("canned".equals(chain.request().label())) {
                return new Fixture(json("{\"name\":\"Canned\",\"age\":1}"), canned);
            }
            return chain.proceed(chain.request().toBuilder().label("changed").build());
        };
        FixtureInterceptor second = chain -> {
            seen.add("second:" + chain.request().label());
            return chain.proceed(chain.request());
        };
        try (Llmock llmock = Llmock.newBuilder().backend(backend).interceptor(first).interceptor(second).build()) {
            Fixture answered = llmock.generate(FixtureRequest.newBuilder().shape(SHAPE).backend("b").label("canned").build());
            Fixture generated = llmock.generate(FixtureRequest.newBuilder().shape(SHAPE).backend("b").label("x").build());

            assertThat(answered.json()).isEqualTo(json("{\"name\":\"Canned\",\"age\":1}"));
            assertThat(answered.provenance().source()).isEqualTo(Provenance.Source.REPLAYED);
            assertThat(generated.provenance().source()).isEqualTo(Provenance.Source.GENERATED);
            assertThat(seen).containsExactly("first:canned", "first:x", "second:changed");
            assertThat(backend.calls).hasSize(1);
        }
    }

    @Test
    void anInterceptorThatProceedsTwiceIsStoppedNamingIt() {
        ScriptedBackend backend = new ScriptedBackend("b", "{\"name\":\"Ann\",\"age\":3}");
        FixtureInterceptor twice = chain -> {
            chain.proceed(chain.request());
            return chain.proceed(chain.request());
        };
        try (Llmock llmock = Llmock.newBuilder().backend(backend).interceptor(twice).build()) {
            assertThatThrownBy(() -> llmock.generate(FixtureRequest.newBuilder().shape(SHAPE).backend("b").build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The interceptor " + twice.getClass().getName())
                    .hasMessageEndingWith(" called proceed() a second time; an interceptor passes its request on at"
                            + " most once. Keep the first answer, or make a new request with Llmock.generate.");
            assertThat(backend.calls).hasSize(1);
        }
    }

    @Test
    void sameSeedGivesSameDataAndTheClockStampsProvenance() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
        try (Llmock one = Llmock.newBuilder().seed(9).clock(clock).build();
             Llmock two = Llmock.newBuilder().seed(9).build()) {
            FixtureRequest request = FixtureRequest.newBuilder().shape(SHAPE).count(3).build();

            Fixture fixture = one.generate(request);
            assertThat(fixture.json()).isEqualTo(two.generate(request).json());
            assertThat(fixture.provenance().recordedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        }
    }

    @Test
    void builderOptionsMaySetOnlyOnce() {
        assertThatThrownBy(() -> Llmock.newBuilder().seed(1).seed(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("seed was already set on this builder; set each option once.");
        assertThatThrownBy(() -> Llmock.newBuilder().backend(new ScriptedBackend("b", "{}"))
                .backend(new ScriptedBackend("b", "{}")))
                .hasMessage("A backend named \"b\" was already registered.");
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.llmock.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.BackendException;
import dev.llmock.ConfigException;
import dev.llmock.Fixture;
import dev.llmock.Llmock;
import dev.llmock.Shape;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The provider on a real llama.cpp engine, through the backend SPI as the engine calls it. */
class LlamaCppBackendTest {
    static final String PERSON = "{\"name\":\"string\",\"age\":0,\"active\":true}";

    @Test
    void answersOneRecordOfTheShapeHeldToItByTheGrammar() {
        BackendResponse response = LocalBackend.tiny("").call(LocalBackend.request(PERSON, 1, 1));

        JsonNode person = response.json();
        assertThat(person.isObject()).isTrue();
        assertThat(person.get("name").isTextual()).isTrue();
        assertThat(person.get("age").isIntegralNumber()).isTrue();
        assertThat(person.get("active").isBoolean()).isTrue();
        assertThat(Shape.parse(PERSON).validate(person)).isEmpty();
        assertThat(response.cost().model()).isEqualTo(TinyModel.path().toString());
        assertThat(response.cost().attempts()).isEqualTo(1);
        assertThat(response.cost().promptTokens()).isPositive();
        assertThat(response.cost().completionTokens()).isPositive();
        assertThat(response.cost().truncated()).isFalse();
    }

    @Test
    void answersAListOfExactlyTheRecordsAskedFor() {
        JsonNode people = LocalBackend.tiny("").call(LocalBackend.request(PERSON, 5, 2)).json();

        assertThat(people.isArray()).isTrue();
        assertThat(people).hasSize(5);
        people.forEach(person -> assertThat(Shape.parse(PERSON).validate(person)).isEmpty());
    }

    @Test
    void theSameSeedGivesTheSameAnswerAndAnotherSeedAnother() {
        Backend backend = LocalBackend.tiny("");

        JsonNode first = backend.call(LocalBackend.request(PERSON, 1, 42)).json();
        JsonNode again = LocalBackend.tiny("").call(LocalBackend.request(PERSON, 1, 42)).json();
        JsonNode other = backend.call(LocalBackend.request(PERSON, 1, 43)).json();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void anAnswerCutOffAtTheTokenLimitFailsWithACostThatSaysTruncated() {
        int needed = LocalBackend.tiny("").call(LocalBackend.request(PERSON, 1, 5)).cost().completionTokens()
                .intValue();

        assertThatThrownBy(() -> LocalBackend.tiny(",\"maxTokens\":" + (needed - 4))
                .call(LocalBackend.request(PERSON, 1, 5)))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.cost().truncated()).isTrue();
                    assertThat(e.cost().completionTokens()).isEqualTo(needed - 4L);
                });
    }

    @Test
    void theEngineAsksForACutOffRecordAgainWithTwiceTheBudget() {
        Fixture whole = LocalBackend.engine("").generate(LocalBackend.fixtureRequest(PERSON, 1));
        int needed = whole.provenance().completionTokens().intValue();

        Fixture again = LocalBackend.engine(",\"maxTokens\":" + (needed - 4))
                .generate(LocalBackend.fixtureRequest(PERSON, 1));

        assertThat(again.provenance().attempts()).isEqualTo(2);
        assertThat(again.json()).isEqualTo(whole.json());
    }

    @Test
    void theEngineAsksForACutOffListInHalves() {
        int oneRecord = LocalBackend.engine("").generate(LocalBackend.fixtureRequest(PERSON, 1)).provenance()
                .completionTokens().intValue();

        Fixture list = LocalBackend.engine(",\"maxTokens\":" + (oneRecord * 2))
                .generate(LocalBackend.fixtureRequest(PERSON, 6));

        assertThat(list.provenance().attempts()).isGreaterThan(1);
        assertThat(list.json()).hasSize(6);
        list.json().forEach(person -> assertThat(Shape.parse(PERSON).validate(person)).isEmpty());
    }

    @Test
    void anAnswerStillCutOffAfterTwoDoublingsFailsNamingTheSettingToRaise() {
        Llmock engine = LocalBackend.engine(",\"maxTokens\":3");

        assertThatThrownBy(() -> engine.generate(LocalBackend.fixtureRequest(PERSON, 1)))
                .isInstanceOf(BackendException.class)
                .hasMessage("Backend \"local\" (llamacpp, model " + TinyModel.path() + ") was cut off at the output"
                        + " token limit (max 12 tokens), even after retrying with a larger budget and fewer records"
                        + " per call. Raise \"maxTokens\" of backend \"local\" (and \"contextSize\" with it), or ask"
                        + " for fewer or smaller records.");
    }

    @Test
    void aShapeTooLargeForTheContextFailsNamingTheSettingToRaise() {
        StringBuilder shape = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            shape.append(i == 0 ? "" : ",").append("\"field").append(i).append("\":\"string\"");
        }
        Backend backend = create256();

        assertThatThrownBy(() -> backend.call(LocalBackend.request(shape.append("}").toString(), 1, 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Backend \"local\" (llamacpp, model " + TinyModel.path() + "): the prompt for"
                        + " this shape takes ")
                .hasMessageContaining(" of the 256 tokens of \"contextSize\", leaving ")
                .hasMessageEndingWith(" per record. Raise \"contextSize\" of backend \"local\" in llmock.json, or ask"
                        + " for a smaller shape.");
    }

    @Test
    void concurrentCallsShareTheModelAndGetTheAnswersTheyWouldGetAlone() throws Exception {
        Backend backend = LocalBackend.tiny("");
        int threads = 4;
        List<JsonNode> alone = new ArrayList<>();
        for (int seed = 0; seed < threads; seed++) {
            alone.add(backend.call(LocalBackend.request(PERSON, 2, 100 + seed)).json());
        }
        CyclicBarrier allStarted = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int seed = 0; seed < threads; seed++) {
                long each = 100 + seed;
                answers.add(pool.submit(() -> {
                    // Every call is under way before any may finish.
                    allStarted.await(60, TimeUnit.SECONDS);
                    return backend.call(LocalBackend.request(PERSON, 2, each)).json();
                }));
            }
            for (int i = 0; i < threads; i++) {
                assertThat(answers.get(i).get(120, TimeUnit.SECONDS)).isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Backend create256() {
        return LocalBackend.create("{\"backends\":[{\"name\":\"local\",\"provider\":\"llamacpp\",\"model\":"
                + TinyModel.json() + ",\"contextSize\":256,\"threads\":2}]}", "llmock.json");
    }
}

package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.cassette.ReplayMissException;
import dev.llmock.cassette.UnexpectedRecordingException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The record modes and {@code llmock.failOnRecord} through the real Jupiter engine. */
class ModesTest {
    static final String CUSTOMER = "{\"name\":\"string\",\"city\":\"string\"}";
    static final String ORDER = "{\"sku\":\"string\",\"quantity\":0}";

    @TempDir
    Path cassettes;

    @LlmockSettings(cassette = "Shop")
    static class CustomerTestCase {
        @Test
        void customer(@Generated(shape = CUSTOMER) JsonNode customer) {
        }
    }

    @LlmockSettings(cassette = "Shop")
    static class CustomerAndOrderTestCase {
        @Test
        void customer(@Generated(shape = CUSTOMER) JsonNode customer) {
        }

        @Test
        void order(@Generated(shape = ORDER) JsonNode order) {
        }
    }

    /** The first failure's own cause: JUnit wraps it (in ParameterResolutionException, in "Failed to close"). */
    static Throwable failure(Events events) {
        Throwable thrown = events.failed().stream().findFirst().flatMap(Event::getPayload)
                .map(payload -> ((TestExecutionResult) payload).getThrowable().orElseThrow()).orElseThrow();
        return thrown.getCause() == null ? thrown : thrown.getCause();
    }

    @Test
    void onceRecordsACassetteThatDoesNotExistYet() {
        EngineExecutionResults results = Kit.run(CustomerTestCase.class, cassettes, "once");

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        results.containerEvents().assertStatistics(s -> s.failed(0));
        assertThat(cassettes.resolve("Shop.json")).exists();
    }

    @Test
    void onceReplaysAnExistingCassetteAndFailsARequestMissingFromIt() {
        Kit.run(CustomerTestCase.class, cassettes, "once").testEvents().assertStatistics(s -> s.succeeded(1));

        EngineExecutionResults results = Kit.run(CustomerAndOrderTestCase.class, cassettes, "once");

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        assertThat(failure(results.testEvents()))
                .isInstanceOf(ReplayMissException.class)
                .hasMessageStartingWith("No recorded fixture for CustomerAndOrderTestCase.order(JsonNode) in "
                        + cassettes.resolve("Shop.json") + " (mode once).")
                .hasMessageEndingWith("The cassette exists, so mode once records nothing new: run with"
                        + " -Dllmock.mode=record (VCR: new_episodes) to add the missing entries, and commit the"
                        + " cassette.");
    }

    @Test
    void newEpisodesThenAddsTheMissingEntry() {
        Kit.run(CustomerTestCase.class, cassettes, "once").testEvents().assertStatistics(s -> s.succeeded(1));

        Kit.run(CustomerAndOrderTestCase.class, cassettes, "new_episodes").testEvents()
                .assertStatistics(s -> s.succeeded(2));
        Kit.run(CustomerAndOrderTestCase.class, cassettes, "none").testEvents()
                .assertStatistics(s -> s.succeeded(2));
    }

    @Test
    void failOnRecordFailsTheClassThatRecordedAfterWritingItsCassette() {
        EngineExecutionResults results = Kit.run(CustomerTestCase.class, cassettes, "record",
                Map.of("llmock.failOnRecord", "true"));

        results.testEvents().assertStatistics(s -> s.succeeded(1));
        results.containerEvents().assertStatistics(s -> s.failed(1));
        assertThat(failure(results.containerEvents()))
                .isInstanceOf(UnexpectedRecordingException.class)
                .hasMessageStartingWith("llmock recorded 1 entry into " + cassettes.resolve("Shop.json")
                        + " (mode record), but llmock.failOnRecord is on (set by llmock.failOnRecord)")
                .hasMessageContaining("recorded: ")
                .hasMessageContaining(" CustomerTestCase.customer(JsonNode)");
        assertThat(cassettes.resolve("Shop.json")).exists();
    }

    @Test
    void failOnRecordLetsAClassThatOnlyReplayedPass() {
        Kit.run(CustomerTestCase.class, cassettes, "record").testEvents().assertStatistics(s -> s.succeeded(1));

        EngineExecutionResults results = Kit.run(CustomerTestCase.class, cassettes, "record",
                Map.of("llmock.failOnRecord", "true"));

        results.testEvents().assertStatistics(s -> s.succeeded(1));
        results.containerEvents().assertStatistics(s -> s.failed(0));
    }
}

package dev.llmock.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.junit.Generated;
import dev.llmock.junit.Kit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummaryTest {
    @TempDir
    Path cassettes;

    static class OneFixtureTestCase {
        @Test
        void one(@Generated(shape = "{\"name\":\"string\"}") JsonNode node) {
        }
    }

    @Test
    void summarySaysWhatWasRecordedAndThenWhatWasReplayed() {
        RunSummary.INSTANCE.drain();
        Kit.run(OneFixtureTestCase.class, cassettes, "record");
        String recorded = RunSummary.INSTANCE.drain();
        Kit.run(OneFixtureTestCase.class, cassettes, "replay");
        String replayed = RunSummary.INSTANCE.drain();

        assertThat(recorded).startsWith("llmock: 0 fixtures replayed, 1 recorded, 0 generated live; 1 cassette written.")
                .contains("synthetic");
        assertThat(replayed).isEqualTo("llmock: 1 fixtures replayed, 0 recorded, 0 generated live; 0 cassettes written.");
        assertThat(RunSummary.INSTANCE.drain()).isEmpty();
    }
}

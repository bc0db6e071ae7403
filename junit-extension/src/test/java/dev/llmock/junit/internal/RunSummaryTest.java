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

    static class WordRuleTestCase {
        @Test
        void one(@Generated(shape = "{\"name\":\"string\",\"email\":\"email\"}",
                rules = "every email is at acme.com") JsonNode node) {
        }
    }

    @Test
    void summarySaysWhichRulesInWordsNoModelJudgedWhenRecordedAndWhenReplayed() {
        RunSummary.INSTANCE.drain();
        Kit.run(WordRuleTestCase.class, cassettes, "record");
        String recorded = RunSummary.INSTANCE.drain();
        Kit.run(WordRuleTestCase.class, cassettes, "replay");
        String replayed = RunSummary.INSTANCE.drain();

        String line = "\nllmock: unchecked: 1 fixture has rules in words that no model judged (add a validate stage"
                + " on an LLM backend): \"every email is at acme.com\"";
        assertThat(recorded).contains(line);
        assertThat(replayed).isEqualTo("llmock: 1 fixtures replayed, 0 recorded, 0 generated live; 0 cassettes"
                + " written." + line);
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

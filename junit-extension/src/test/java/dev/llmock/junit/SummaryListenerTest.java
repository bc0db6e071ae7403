package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.junit.internal.RunSummary;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TestExecutionListener;

class SummaryListenerTest {
    @TempDir
    Path cassettes;

    static class OneFixtureTestCase {
        @Test
        void one(@Generated(shape = "{\"name\":\"string\"}") com.fasterxml.jackson.databind.JsonNode node) {
        }
    }

    @Test
    void theListenerIsRegisteredThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(TestExecutionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(LlmockSummaryListener.class);
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

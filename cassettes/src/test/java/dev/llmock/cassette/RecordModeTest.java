package dev.llmock.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.LlmockException;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RecordModeTest {

    private static Function<String, String> map(String... keyValues) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return values::get;
    }

    @Test
    void parseIgnoresCaseAndBlanks() {
        assertThat(RecordMode.parse(" RePlay ")).isEqualTo(RecordMode.REPLAY);
        assertThat(RecordMode.parse("record")).isEqualTo(RecordMode.RECORD);
        assertThat(RecordMode.parse("RERECORD")).isEqualTo(RecordMode.RERECORD);
        assertThat(RecordMode.parse("live")).isEqualTo(RecordMode.LIVE);
    }

    @Test
    void unknownModeFailsListingTheFourModes() {
        assertThatThrownBy(() -> RecordMode.parse("playback"))
                .isInstanceOf(LlmockException.class)
                .hasMessage("Unknown llmock mode \"playback\". Use one of: replay, record, rerecord, live.");
    }

    @Test
    void unknownModeFromAPropertyNamesTheProperty() {
        assertThatThrownBy(() -> RecordMode.resolve(null, map("llmock.mode", "replya"), map()))
                .hasMessage("Unknown llmock mode \"replya\" (from llmock.mode). Use one of: replay, record, rerecord,"
                        + " live.");
        assertThatThrownBy(() -> RecordMode.resolve(null, map(), map("LLMOCK_MODE", "x")))
                .hasMessage("Unknown llmock mode \"x\" (from LLMOCK_MODE). Use one of: replay, record, rerecord,"
                        + " live.");
    }

    @Test
    void explicitModeWinsOverParameterEnvironmentAndCi() {
        assertThat(RecordMode.resolve("live", map("llmock.mode", "rerecord"), map("LLMOCK_MODE", "replay", "CI", "true")))
                .isEqualTo(RecordMode.LIVE);
    }

    @Test
    void parameterWinsOverEnvironment() {
        assertThat(RecordMode.resolve(null, map("llmock.mode", "rerecord"), map("LLMOCK_MODE", "live")))
                .isEqualTo(RecordMode.RERECORD);
    }

    @Test
    void environmentWinsOverCi() {
        assertThat(RecordMode.resolve(" ", map(), map("LLMOCK_MODE", "record", "CI", "true")))
                .isEqualTo(RecordMode.RECORD);
    }

    @Test
    void ciDefaultsToReplayUnlessItIsFalse() {
        assertThat(RecordMode.resolve(null, map(), map("CI", "true"))).isEqualTo(RecordMode.REPLAY);
        assertThat(RecordMode.resolve(null, map(), map("CI", "1"))).isEqualTo(RecordMode.REPLAY);
        assertThat(RecordMode.resolve(null, map(), map("CI", "FALSE"))).isEqualTo(RecordMode.RECORD);
    }

    @Test
    void recordIsTheDefaultOutsideCi() {
        assertThat(RecordMode.resolve(null, map(), map())).isEqualTo(RecordMode.RECORD);
        assertThat(RecordMode.resolve(null, null, null)).isEqualTo(RecordMode.RECORD);
    }
}

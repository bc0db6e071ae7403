package dev.llmock.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.LlmockException;
import dev.llmock.SettingResolver;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordModeTest {

    private static Function<String, String> map(String... keyValues) {
        Map<String, String> values = new HashMap<>();
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
        assertThat(RecordMode.parse("Once")).isEqualTo(RecordMode.ONCE);
    }

    @Test
    void vcrNamesAreAliasesOfTheModesTheyMean() {
        assertThat(RecordMode.parse("none")).isEqualTo(RecordMode.REPLAY);
        assertThat(RecordMode.parse("NEW_EPISODES")).isEqualTo(RecordMode.RECORD);
        assertThat(RecordMode.parse("new-episodes")).isEqualTo(RecordMode.RECORD);
        assertThat(RecordMode.parse(" all ")).isEqualTo(RecordMode.RERECORD);
        assertThat(RecordMode.resolve(null, map("llmock.mode", "new_episodes"), map("CI", "true")))
                .isEqualTo(RecordMode.RECORD);
    }

    @Test
    void unknownModeFailsListingTheModesAndTheVcrAliases() {
        assertThatThrownBy(() -> RecordMode.parse("playback"))
                .isInstanceOf(LlmockException.class)
                .hasMessage("Unknown llmock mode \"playback\". Use one of: once, replay, record, rerecord, live"
                        + " (or VCR's none, new_episodes, all).");
    }

    @Test
    void unknownModeFromAPropertyNamesTheProperty() {
        assertThatThrownBy(() -> RecordMode.resolve(null, map("llmock.mode", "replya"), map()))
                .hasMessage("Unknown llmock mode \"replya\" (from llmock.mode). Use one of: once, replay, record,"
                        + " rerecord, live (or VCR's none, new_episodes, all).");
        assertThatThrownBy(() -> RecordMode.resolve(null, map(), map("LLMOCK_MODE", "x")))
                .hasMessage("Unknown llmock mode \"x\" (from LLMOCK_MODE). Use one of: once, replay, record,"
                        + " rerecord, live (or VCR's none, new_episodes, all).");
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
        assertThat(RecordMode.resolve(null, map(), map("CI", "FALSE"))).isEqualTo(RecordMode.ONCE);
    }

    @ParameterizedTest
    @CsvSource({"CI, true", "JENKINS_URL, http://jenkins.acme:8080/", "TF_BUILD, True", "TEAMCITY_VERSION, 2024.03",
            "GITLAB_CI, true", "BUILDKITE, true", "GITHUB_ACTIONS, true"})
    void eachCiServersVariableMakesReplayTheDefaultAndFailsRecordingRuns(String variable, String value) {
        SettingResolver onCi = SettingResolver.of(map(), map(variable, value));

        assertThat(onCi.get(CassetteSettings.MODE)).isEqualTo(RecordMode.REPLAY);
        assertThat(onCi.get(CassetteSettings.FAIL_ON_RECORD)).isTrue();
        assertThat(SettingResolver.of(map(), map(variable, "false")).get(CassetteSettings.MODE))
                .isEqualTo(RecordMode.ONCE);
    }

    @Test
    void jenkinsWithoutCiIsStillCi() {
        assertThat(RecordMode.CI_VARIABLES).containsExactly("CI", "JENKINS_URL", "TF_BUILD", "TEAMCITY_VERSION",
                "GITLAB_CI", "BUILDKITE", "GITHUB_ACTIONS");
        assertThat(RecordMode.resolve(null, map(), map("JENKINS_URL", "http://jenkins/", "BUILD_ID", "7")))
                .isEqualTo(RecordMode.REPLAY);
    }

    @Test
    void onceIsTheDefaultOutsideCiAndRecordingDoesNotFailThere() {
        assertThat(RecordMode.resolve(null, map(), map())).isEqualTo(RecordMode.ONCE);
        assertThat(RecordMode.resolve(null, null, null)).isEqualTo(RecordMode.ONCE);
        assertThat(SettingResolver.of(map(), map()).get(CassetteSettings.FAIL_ON_RECORD)).isFalse();
    }

    @Test
    void failOnRecordCanBeSetEitherWayAndRejectsAnythingButABoolean() {
        assertThat(SettingResolver.of(map("llmock.failOnRecord", "false"), map("CI", "true"))
                .get(CassetteSettings.FAIL_ON_RECORD)).isFalse();
        assertThat(SettingResolver.of(map(), map("LLMOCK_FAIL_ON_RECORD", "TRUE"))
                .get(CassetteSettings.FAIL_ON_RECORD)).isTrue();
        assertThatThrownBy(() -> SettingResolver.of(map(), map("LLMOCK_FAIL_ON_RECORD", "yes"))
                .get(CassetteSettings.FAIL_ON_RECORD))
                .hasMessage("Invalid value \"yes\" for llmock.failOnRecord (from LLMOCK_FAIL_ON_RECORD): expected"
                        + " true or false.");
    }
}

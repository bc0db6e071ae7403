package dev.llmock.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.ConfigException;
import dev.llmock.LlmockConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassettesBuilderTest {
    @TempDir
    Path dir;

    private static LlmockConfig config(String cassettes) {
        return LlmockConfig.parse("{\"cassettes\": " + cassettes + "}", "llmock.json");
    }

    @Test
    void theConfigurationSectionSetsMaxAgeDirectoryAndPatterns() {
        Cassettes cassettes = Cassettes.newBuilder().mode(RecordMode.REPLAY)
                .config(config("{\"maxAge\": \"P30D\", \"directory\": \"" + dir + "\", \"redact\": [\"ACME-\\\\d+\"]}"))
                .build();

        assertThat(cassettes.maxAge()).contains(Duration.ofDays(30));
        assertThat(cassettes.directory()).isEqualTo(dir);
        assertThat(cassettes.mode()).isEqualTo(RecordMode.REPLAY);
    }

    @Test
    void builderOptionsWinOverTheConfiguration() {
        Cassettes cassettes = Cassettes.newBuilder().mode(RecordMode.RECORD).maxAge(Duration.ofHours(1))
                .directory(dir).config(config("{\"maxAge\": \"P30D\", \"directory\": \"elsewhere\"}")).build();

        assertThat(cassettes.maxAge()).contains(Duration.ofHours(1));
        assertThat(cassettes.directory()).isEqualTo(dir);
    }

    @Test
    void theDefaultDirectoryIsUnderTestResources() {
        assertThat(Cassettes.newBuilder().mode(RecordMode.RECORD).build().directory())
                .isEqualTo(Path.of(System.getProperty(Cassettes.DIR_PROPERTY, Cassettes.DEFAULT_DIRECTORY)));
    }

    @Test
    void aBadMaxAgeFailsFastWithTheKeyTheValueAndAnExample() {
        assertThatThrownBy(() -> Cassettes.newBuilder().config(config("{\"maxAge\": \"30 days\"}")).build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid cassettes.maxAge \"30 days\" in llmock.json: expected a positive ISO-8601"
                        + " duration such as \"P30D\" (30 days) or \"PT12H\" (12 hours).");
    }

    @Test
    void anUnknownKeyInTheSectionFailsFastListingTheAllowedKeys() {
        assertThatThrownBy(() -> Cassettes.newBuilder().config(config("{\"max_age\": \"P1D\"}")).build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown key cassettes.max_age in llmock.json. Allowed keys: directory, maxAge, redact.");
    }

    @Test
    void redactMustBeAList() {
        assertThatThrownBy(() -> Cassettes.newBuilder().config(config("{\"redact\": \"ACME\"}")).build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid cassettes.redact in llmock.json: expected an array of regular expressions.");
    }

    @Test
    void eachOptionIsSetOnce() {
        assertThatThrownBy(() -> Cassettes.newBuilder().mode(RecordMode.LIVE).mode(RecordMode.REPLAY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mode was already set on this builder; set each option once.");
    }

    @Test
    void maxAgeMustBePositive() {
        assertThatThrownBy(() -> Cassettes.newBuilder().maxAge(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAge must be positive, but was PT0S.");
    }
}

package dev.llmock.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.ConfigException;
import dev.llmock.LlmockConfig;
import dev.llmock.SettingResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
                .hasMessage("Unknown key cassettes.max_age in llmock.json. Allowed keys: directory, maxAge, redact,"
                        + " ignore.");
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
    void theEnvironmentVariableSetsTheDirectoryWhenNoPropertyDoes() {
        Map<String, String> env = Map.of("LLMOCK_CASSETTES_DIR", dir.toString(), "LLMOCK_CASSETTES_MAX_AGE", "P2D");

        Cassettes cassettes = Cassettes.newBuilder().mode(RecordMode.RECORD)
                .settings(SettingResolver.of(name -> null, env::get))
                .config(config("{\"directory\": \"fromConfig\", \"maxAge\": \"P30D\"}")).build();

        assertThat(cassettes.directory()).isEqualTo(dir);
        assertThat(cassettes.maxAge()).contains(Duration.ofDays(2));
    }

    @Test
    void thePropertyWinsOverTheEnvironmentAndTheBuilderOverBoth() {
        Map<String, String> properties = Map.of("llmock.cassettes.dir", dir.resolve("property").toString(),
                "llmock.mode", "replay");
        Map<String, String> env = Map.of("LLMOCK_CASSETTES_DIR", "fromEnv", "LLMOCK_MODE", "live");
        SettingResolver settings = SettingResolver.of(properties::get, env::get);

        Cassettes fromSources = Cassettes.newBuilder().settings(settings).build();
        Cassettes fromBuilder = Cassettes.newBuilder().settings(settings).directory(dir).mode(RecordMode.RERECORD)
                .build();

        assertThat(fromSources.directory()).isEqualTo(dir.resolve("property"));
        assertThat(fromSources.mode()).isEqualTo(RecordMode.REPLAY);
        assertThat(fromBuilder.directory()).isEqualTo(dir);
        assertThat(fromBuilder.mode()).isEqualTo(RecordMode.RERECORD);
    }

    @Test
    void aBadMaxAgeInTheEnvironmentNamesTheVariableAndWhatIsAllowed() {
        SettingResolver settings = SettingResolver.of(null, Map.of("LLMOCK_CASSETTES_MAX_AGE", "30 days")::get);

        assertThatThrownBy(() -> Cassettes.newBuilder().mode(RecordMode.RECORD).settings(settings).build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value \"30 days\" for llmock.cassettes.maxAge (from LLMOCK_CASSETTES_MAX_AGE):"
                        + " expected a positive ISO-8601 duration such as P30D (30 days) or PT12H (12 hours).");
    }

    @Test
    void maxAgeMustBePositive() {
        assertThatThrownBy(() -> Cassettes.newBuilder().maxAge(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAge must be positive, but was PT0S.");
    }
}

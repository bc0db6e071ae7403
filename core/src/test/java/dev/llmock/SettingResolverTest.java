package dev.llmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingResolverTest {
    private static final Setting<Path> DIRECTORY = Setting.<Path>newBuilder()
            .property("llmock.cassettes.dir")
            .env("LLMOCK_CASSETTES_DIR")
            .config("cassettes.directory", config -> config.cassettes().directory())
            .parser((text, source) -> Path.of(text), "a directory path")
            .defaultValue(Path.of("default"))
            .build();

    private static final Setting<Integer> SIZE = Setting.<Integer>newBuilder()
            .property("llmock.size")
            .env("LLMOCK_SIZE")
            .parser((text, source) -> Integer.parseInt(text), "a whole number such as 12")
            .build();

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private final LlmockConfig config = LlmockConfig.parse("{\"cassettes\": {\"directory\": \"fromConfig\"}}",
            "llmock.json");

    private SettingResolver resolver() {
        return SettingResolver.of(properties::get, env::get).withConfig(config);
    }

    @Test
    void aValueInCodeWinsOverEverySource() {
        properties.put("llmock.cassettes.dir", "fromProperty");
        env.put("LLMOCK_CASSETTES_DIR", "fromEnv");

        assertThat(resolver().get(DIRECTORY, Path.of("fromCode"))).isEqualTo(Path.of("fromCode"));
    }

    @Test
    void thePropertyWinsOverTheEnvironmentTheConfigurationAndTheDefault() {
        properties.put("llmock.cassettes.dir", "fromProperty");
        env.put("LLMOCK_CASSETTES_DIR", "fromEnv");

        SettingResolver.Resolved<Path> resolved = resolver().resolve(DIRECTORY, null);

        assertThat(resolved).isEqualTo(new SettingResolver.Resolved<>(Path.of("fromProperty"),
                SettingResolver.Origin.PROPERTY, "llmock.cassettes.dir"));
    }

    @Test
    void theEnvironmentWinsOverTheConfigurationAndTheDefault() {
        env.put("LLMOCK_CASSETTES_DIR", "fromEnv");

        assertThat(resolver().resolve(DIRECTORY, null)).isEqualTo(new SettingResolver.Resolved<>(Path.of("fromEnv"),
                SettingResolver.Origin.ENVIRONMENT, "LLMOCK_CASSETTES_DIR"));
    }

    @Test
    void theConfigurationWinsOverTheDefaultAndSaysWhichFileItCameFrom() {
        assertThat(resolver().resolve(DIRECTORY, null)).isEqualTo(new SettingResolver.Resolved<>(
                Path.of("fromConfig"), SettingResolver.Origin.CONFIG, "cassettes.directory in llmock.json"));
    }

    @Test
    void theDefaultComesLastAndBlankTextCountsAsAbsent() {
        properties.put("llmock.cassettes.dir", " ");
        env.put("LLMOCK_CASSETTES_DIR", "");

        assertThat(SettingResolver.of(properties::get, env::get).resolve(DIRECTORY, null))
                .isEqualTo(new SettingResolver.Resolved<>(Path.of("default"), SettingResolver.Origin.DEFAULT, null));
    }

    @Test
    void aSettingWithoutDefaultResolvesToNullWhenNothingSetsIt() {
        assertThat(SettingResolver.of(null, null).get(SIZE)).isNull();
    }

    @Test
    void aDefaultMayDependOnTheEnvironment() {
        Setting<String> flavour = Setting.<String>newBuilder().property("llmock.flavour")
                .parser((text, source) -> text, "any text")
                .defaultFromEnv(variables -> variables.apply("CI") == null ? "laptop" : "ci").build();
        env.put("CI", "true");

        assertThat(SettingResolver.of(properties::get, env::get).get(flavour)).isEqualTo("ci");
        assertThat(SettingResolver.of(properties::get, null).get(flavour)).isEqualTo("laptop");
    }

    @Test
    void anInvalidValueNamesTheSettingWhereItWasReadTheValueAndWhatIsAllowed() {
        env.put("LLMOCK_SIZE", "twelve");
        properties.put("llmock.size", " 7 ");

        assertThat(SettingResolver.of(properties::get, env::get).get(SIZE)).isEqualTo(7);
        assertThatThrownBy(() -> SettingResolver.of(null, env::get).get(SIZE))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value \"twelve\" for llmock.size (from LLMOCK_SIZE): expected a whole number such"
                        + " as 12.");
        properties.put("llmock.size", "many");
        assertThatThrownBy(() -> SettingResolver.of(properties::get, null).get(SIZE))
                .hasMessage("Invalid value \"many\" for llmock.size: expected a whole number such as 12.");
    }

    @Test
    void aParserMayWordItsOwnMessage() {
        Setting<String> strict = Setting.<String>newBuilder().env("LLMOCK_STRICT").parser((text, source) -> {
            throw new LlmockException("No " + text + " here (from " + source + ").");
        }, "nothing").build();
        env.put("LLMOCK_STRICT", "x");

        assertThatThrownBy(() -> SettingResolver.of(null, env::get).get(strict))
                .isExactlyInstanceOf(LlmockException.class)
                .hasMessage("No x here (from LLMOCK_STRICT).");
    }

    @Test
    void theBuilderTakesEachOptionOnceAndNeedsAParserAndASource() {
        assertThatThrownBy(() -> Setting.<String>newBuilder().env("A").env("B"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("env was already set on this builder; set each option once.");
        assertThatThrownBy(() -> Setting.<String>newBuilder().env("A").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A setting needs a parser: call parser(...) before build().");
        assertThatThrownBy(() -> Setting.<String>newBuilder().parser((text, source) -> text, "text").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A setting needs a property, an environment variable or a llmock.json key to be read"
                        + " from.");
    }

    @Test
    void theConfigurationFileIsASettingOfItsOwn() {
        properties.put("llmock.config", "ci.json");
        env.put("LLMOCK_CONFIG", "env.json");

        assertThat(SettingResolver.of(properties::get, env::get).get(LlmockConfig.FILE)).isEqualTo(Path.of("ci.json"));
        assertThat(SettingResolver.of(null, env::get).get(LlmockConfig.FILE)).isEqualTo(Path.of("env.json"));
        assertThat(SettingResolver.of(null, null).get(LlmockConfig.FILE)).isNull();
    }
}

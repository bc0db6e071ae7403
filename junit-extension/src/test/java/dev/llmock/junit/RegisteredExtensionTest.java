package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.llmock.BackendConfig;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.RecordMode;
import dev.llmock.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code @RegisterExtension static LlmockExtension llmock = LlmockExtension.newBuilder()...build()} configures its class
 * in code, beside the extension that {@code @Generated} registers by itself.
 */
class RegisteredExtensionTest {
    /** Static, so the nested test classes' field initializers can see it; each test sets it first. */
    static Path directory;

    @TempDir
    Path tempDir;

    record Greeting(String text) {
    }

    static class CodedTestCase {
        @Generated(shape = "{\"id\":\"uuid\"}")
        static JsonNode staticField;

        @RegisterExtension
        static LlmockExtension llmock = LlmockExtension.newBuilder()
                .config(LlmockConfig.newBuilder()
                        .backend(BackendConfig.newBuilder("coded").provider("synthetic").build())
                        .defaultBackend("coded")
                        .build())
                .mode(RecordMode.RECORD)
                .cassettesDirectory(directory.resolve("from-code"))
                .cassette("coded-fixtures")
                .build();

        @Generated(shape = "{\"name\":\"string\"}")
        JsonNode instanceField;

        @Test
        void everyPositionIsFilledOnce(@Generated(shape = "{\"email\":\"email\"}") JsonNode parameter) {
            assertThat(staticField.get("id").asText()).hasSize(36);
            assertThat(instanceField.get("name").asText()).isNotBlank();
            assertThat(parameter.get("email").asText()).contains("@");
        }
    }

    @Test
    void theRegisteredExtensionsSettingsWinAndNothingIsInjectedTwice() throws Exception {
        directory = tempDir;

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("llmock.cassettes.dir", tempDir.resolve("from-parameter").toString())
                .configurationParameter("llmock.mode", "replay")
                .selectors(selectClass(CodedTestCase.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(tempDir.resolve("from-parameter")).doesNotExist();
        JsonNode cassette = Json.MAPPER.readTree(tempDir.resolve("from-code/coded-fixtures.json").toFile());
        List<String> tests = new ArrayList<>();
        cassette.get("entries").forEach(entry -> {
            tests.add(entry.get("test").asText());
            assertThat(entry.at("/provenance/backend").asText()).isEqualTo("coded");
        });
        assertThat(tests).containsExactlyInAnyOrder("CodedTestCase.staticField", "CodedTestCase.instanceField",
                "CodedTestCase.everyPositionIsFilledOnce(JsonNode)");
    }

    static class MapperTestCase {
        @RegisterExtension
        static LlmockExtension llmock = LlmockExtension.newBuilder()
                .objectMapper(JsonMapper.builder().addModule(new SimpleModule().addDeserializer(Greeting.class,
                        new StdDeserializer<>(Greeting.class) {
                            private static final long serialVersionUID = 1L;

                            @Override
                            public Greeting deserialize(JsonParser parser, DeserializationContext context)
                                    throws IOException {
                                JsonNode node = parser.readValueAsTree();
                                return new Greeting("mapped by the user's mapper: " + node.get("text").asText());
                            }
                        })).build())
                .mode(RecordMode.RECORD)
                .cassettesDirectory(directory)
                .build();

        @Generated
        static Greeting field;

        @Test
        void typedTargetsMapThroughTheGivenMapper(@Generated Greeting parameter,
                                                  @Generated(count = 2) List<Greeting> list) {
            assertThat(List.of(field, parameter, list.get(0), list.get(1)))
                    .allSatisfy(greeting -> assertThat(greeting.text()).startsWith("mapped by the user's mapper: "));
        }

        @ParameterizedTest
        @GeneratedSource(count = 2)
        void generatedSourcesToo(Greeting greeting) {
            assertThat(greeting.text()).startsWith("mapped by the user's mapper: ");
        }
    }

    @Test
    void theRegisteredObjectMapperMapsEveryTypedTarget() {
        directory = tempDir;

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(MapperTestCase.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    static class LazyConfigTestCase {
        static String endpoint;

        @RegisterExtension
        static LlmockExtension llmock = LlmockExtension.newBuilder()
                .config(() -> LlmockConfig.newBuilder()
                        .backend(BackendConfig.newBuilder(endpoint).provider("synthetic").build()).build())
                .mode(RecordMode.RECORD)
                .cassettesDirectory(directory)
                .build();

        @BeforeAll
        static void startTheServer() {
            endpoint = "started-in-before-all"; // as a Testcontainers container would be
        }

        @Test
        void theConfigurationIsMadeWhenFirstNeeded(@Generated(shape = "{\"n\":0}") JsonNode value) {
            assertThat(value.has("n")).isTrue();
        }
    }

    @Test
    void aConfigurationSupplierIsCalledAfterTheClassStarted() throws Exception {
        directory = tempDir;

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(LazyConfigTestCase.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(Files.readString(tempDir.resolve(LazyConfigTestCase.class.getName() + ".json")))
                .contains("\"backend\": \"started-in-before-all\"");
    }

    static class InstanceFieldTestCase {
        @RegisterExtension
        LlmockExtension llmock = LlmockExtension.newBuilder().mode(RecordMode.LIVE).build();

        @Test
        void test(@Generated(shape = "{\"n\":0}") JsonNode value) {
        }
    }

    @Test
    void anExtensionBuiltInCodeMustBeStatic() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(InstanceFieldTestCase.class)).execute()
                .testEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class),
                        message("InstanceFieldTestCase registers a LlmockExtension built with"
                                + " LlmockExtension.newBuilder() in a field that is not static. Make the field static:"
                                + " its settings apply to the whole class, whose cassette is written once, when the"
                                + " class ends.")));
    }

    @Test
    void eachBuilderOptionIsSetOnce() {
        LlmockExtension.Builder builder = LlmockExtension.newBuilder().mode(RecordMode.LIVE);

        assertThatThrownBy(() -> builder.mode(RecordMode.RECORD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mode was already set on this builder; set each option once.");
    }
}

package dev.llmock.llamacpp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.ShapeException;
import dev.llmock.internal.Json;
import dev.llmock.internal.backend.ProviderSchema;
import dev.llmock.Stage;
import dev.llmock.llamacpp.TinyModel;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * llama.cpp's JSON-Schema-to-grammar converter aborts the JVM on what it cannot handle, so every schema of the
 * JSON-Schema-Test-Suite goes through it here: as written, and as llmock sends it after reading it as a shape. A
 * schema that got past {@link GrammarSchema} and crashed the converter would end this test's JVM.
 */
class GrammarConversionTest {
    static final String PROPERTY = "llmock.test.jsonSchemaSuite";
    static final String ENV = "LLMOCK_TEST_JSON_SCHEMA_SUITE";

    @Test
    void everySchemaOfTheTestSuiteConvertsWithoutAbortingTheJvm() throws IOException {
        List<JsonNode> schemas = suiteSchemas();
        int asShapes = 0;
        for (JsonNode schema : schemas) {
            assertThat(Grammars.of(schema)).as(schema.toString()).contains("root ::=");
            Shape shape = shapeOrNull(schema);
            if (shape != null) {
                asShapes++;
                JsonNode sent = ProviderSchema.of(shape, 3, LlmockConfig.Limits.DEFAULT).schema();
                assertThat(Grammars.of(sent)).as(sent.toString()).contains("root ::=");
            }
        }
        assertThat(schemas).hasSizeGreaterThan(400);
        assertThat(asShapes).isGreaterThan(100);
    }

    @Test
    void aPatternKeptInTheGrammarHoldsTheModelsAnswerToIt() {
        String shape = "{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\","
                + "\"pattern\":\"^[A-Z]{3}-\\\\d{4}$\"}},\"required\":[\"code\"]}";
        LlamaCppBackend backend = new LlamaCppBackend(new Settings("local", TinyModel.path().toString(), null, 1024, 2, 0,
                null, 0.7, LlmockConfig.Limits.DEFAULT));

        for (long seed = 0; seed < 3; seed++) {
            BackendResponse response = backend.call(new BackendRequest(Stage.Role.GENERATE,
                    Shape.parse(shape), 1, 0, null, List.of(), null, List.of(), null, seed, null));
            assertThat(response.json().path("code").asText()).matches("[A-Z]{3}-[0-9]{4}");
        }
    }

    private static Shape shapeOrNull(JsonNode schema) {
        try {
            return Shape.fromJsonSchema(schema);
        } catch (ShapeException | IllegalArgumentException refused) {
            return null;
        }
    }

    private static List<JsonNode> suiteSchemas() throws IOException {
        Path suite = suite();
        List<JsonNode> schemas = new ArrayList<>();
        try (Stream<Path> files = Files.walk(suite)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode group : Json.MAPPER.readTree(file.toFile())) {
                    schemas.add(group.get("schema"));
                }
            }
        }
        return schemas;
    }

    private static Path suite() {
        String named = System.getProperty(PROPERTY, System.getenv(ENV));
        Path here = Path.of("").toAbsolutePath();
        Path found = named != null ? Path.of(named) : Stream.of(here, here.getParent())
                .map(dir -> dir.resolve("../shared/json-schema-test-suite/draft2020-12").normalize())
                .filter(Files::isDirectory).findFirst().orElse(null);
        assumeTrue(found != null && Files.isDirectory(found), "No JSON-Schema-Test-Suite: ../shared/"
                + "json-schema-test-suite/draft2020-12 (from the project root) is missing. Point the system property "
                + PROPERTY + " or the environment variable " + ENV + " at the suite's draft2020-12 directory.");
        return found;
    }
}

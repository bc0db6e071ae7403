package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import dev.llmock.openapi.OpenApiSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class GeneratedSourceOpenApiTest {
    static final String PETS = "openapi/pets.yaml";
    static final Shape PET = OpenApiSpec.load(PETS).operation("addPet").body().orElseThrow().preferred().orElseThrow()
            .shape();
    static final List<JsonNode> BODIES = new CopyOnWriteArrayList<>();

    @TempDir
    Path cassettes;

    @BeforeEach
    void clear() {
        BODIES.clear();
    }

    record Pet(String name, String species, Integer age) {
    }

    static class ValidTestCase {
        @ParameterizedTest(name = "{0}")
        @GeneratedSource(openApi = PETS, operation = "addPet", count = 4)
        void valid(JsonNode pet) {
            BODIES.add(pet);
        }
    }

    static class TypedTestCase {
        @ParameterizedTest(name = "{0}")
        @GeneratedSource(openApi = PETS, operation = "addPet", count = 2)
        void typed(Pet pet) {
            assertThat(pet.species()).isIn("cat", "dog", "rabbit");
        }
    }

    static class InvalidTestCase {
        @ParameterizedTest(name = "{0}")
        @GeneratedSource(openApi = PETS, operation = "addPet", kind = GeneratedSource.Kind.INVALID)
        void invalid(JsonNode pet) {
            BODIES.add(pet);
        }
    }

    static class EdgeTestCase {
        @ParameterizedTest(name = "{0}")
        @GeneratedSource(openApi = PETS, operation = "addPet", kind = GeneratedSource.Kind.EDGE)
        void edge(JsonNode pet) {
            BODIES.add(pet);
        }
    }

    static class NoBodyTestCase {
        @ParameterizedTest
        @GeneratedSource(openApi = PETS, operation = "listPets")
        void none(JsonNode body) {
        }
    }

    static class UnknownOperationTestCase {
        @ParameterizedTest
        @GeneratedSource(openApi = PETS, operation = "adoptPet")
        void unknown(JsonNode body) {
        }
    }

    static class OperationWithoutDescriptionTestCase {
        @ParameterizedTest
        @GeneratedSource(operation = "addPet")
        void half(JsonNode body) {
        }
    }

    @Test
    void validCasesAreRequestBodiesOfTheOperationWithoutItsReadOnlyProperties() {
        Kit.run(ValidTestCase.class, cassettes, "record").testEvents()
                .assertStatistics(stats -> stats.started(4).succeeded(4));
        Kit.run(TypedTestCase.class, cassettes, "record").testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(BODIES).hasSize(4).allSatisfy(body -> {
            assertThat(PET.validate(body)).isEmpty();
            assertThat(body.has("id")).isFalse();
        });
    }

    @Test
    void invalidCasesEachBreakTheRequestSchemaAndEdgeCasesStillFitIt() {
        Kit.run(InvalidTestCase.class, cassettes, "record").testEvents().assertStatistics(stats -> stats.failed(0));
        List<JsonNode> invalid = List.copyOf(BODIES);
        BODIES.clear();
        Kit.run(EdgeTestCase.class, cassettes, "record").testEvents().assertStatistics(stats -> stats.failed(0));

        assertThat(invalid).isNotEmpty().allSatisfy(body -> assertThat(PET.validate(body)).isNotEmpty());
        assertThat(invalid).anySatisfy(body -> assertThat(body.has("name")).isFalse());
        assertThat(BODIES).isNotEmpty().allSatisfy(body -> assertThat(PET.validate(body)).isEmpty());
    }

    @Test
    void anOperationWithoutABodyOrUnknownOrWithoutItsDescriptionFailsSayingSo() {
        assertThat(failure(NoBodyTestCase.class)).isEqualTo("@GeneratedSource of NoBodyTestCase.none wants the"
                + " request body of listPets (GET /v1/pets) in openapi/pets.yaml, but that operation takes no body."
                + " Name an operation with a requestBody.");
        assertThat(failure(UnknownOperationTestCase.class)).isEqualTo("No operation \"adoptPet\" in openapi/pets.yaml;"
                + " it has listPets, addPet. Use an operationId (or \"METHOD /path\" for an operation without one).");
        assertThat(failure(OperationWithoutDescriptionTestCase.class)).isEqualTo("@GeneratedSource of"
                + " OperationWithoutDescriptionTestCase.half needs both openApi (the description) and operation (its"
                + " operationId), and then no shape or shapeResource.");
    }

    private String failure(Class<?> testCase) {
        EngineExecutionResults results = Kit.run(testCase, cassettes, "record");
        return results.containerEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()
                        .getMessage())
                .findFirst().orElseThrow(() -> new AssertionError("no failure"));
    }
}

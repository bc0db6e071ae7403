package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.Event;

class GeneratedSourceTest {
    static final String SHAPE = "{\"email\":\"email\",\"age\":0,\"status\":\"active|inactive\",\"tags\":[\"string\"]}";
    static final List<String> NAMES = new CopyOnWriteArrayList<>();

    @TempDir
    Path cassettes;

    @BeforeEach
    void clear() {
        NAMES.clear();
    }

    record Customer(String email, int age, String status, List<String> tags) {
    }

    static class ValidTestCase {
        @ParameterizedTest(name = "{0}")
        @GeneratedSource(shape = SHAPE, count = 7)
        void valid(Customer customer) {
            assertThat(customer.email()).contains("@");
            assertThat(customer.status()).isIn("active", "inactive");
        }
    }

    static class EdgeTestCase {
        @ParameterizedTest(name = "{0}")
        @GeneratedSource(shape = SHAPE, kind = GeneratedSource.Kind.EDGE)
        void edge(JsonNode customer) {
            NAMES.add(customer.toString());
            assertThat(Shape.parse(SHAPE).validate(customer)).isEmpty();
        }
    }

    static class InvalidTestCase {
        @ParameterizedTest(name = "{0}")
        @GeneratedSource(shape = SHAPE, kind = GeneratedSource.Kind.INVALID)
        void invalid(JsonNode customer) {
            assertThat(Shape.parse(SHAPE).validate(customer)).isNotEmpty();
        }
    }

    /** A JSON Schema that, as the specification says, allows properties it does not name and treats formats as notes. */
    static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"email\":{\"type\":\"string\","
            + "\"format\":\"email\"},\"age\":{\"type\":\"integer\",\"minimum\":18},\"tier\":{\"enum\":[\"free\","
            + "\"premium\"]}},\"required\":[\"email\",\"age\"]}";

    static class SchemaEdgeTestCase {
        @ParameterizedTest(name = "{0}")
        @GeneratedSource(shape = SCHEMA, kind = GeneratedSource.Kind.EDGE)
        void edge(JsonNode customer) {
            NAMES.add(customer.toString());
            assertThat(Shape.parse(SCHEMA).validate(customer)).isEmpty();
        }
    }

    static class SchemaInvalidTestCase {
        @ParameterizedTest(name = "{0}")
        @GeneratedSource(shape = SCHEMA, kind = GeneratedSource.Kind.INVALID)
        void invalid(JsonNode customer) {
            assertThat(Shape.parse(SCHEMA).validate(customer)).isNotEmpty();
        }
    }

    private static List<String> displayNames(org.junit.platform.testkit.engine.EngineExecutionResults results) {
        return results.testEvents().started().stream().map(Event::getTestDescriptor)
                .map(d -> d.getDisplayName()).toList();
    }

    @Test
    void validCasesAreRealisticRecordsOfTheShape() {
        var results = Kit.run(ValidTestCase.class, cassettes, "record");

        results.testEvents().assertStatistics(s -> s.started(7).succeeded(7));
        assertThat(displayNames(results)).startsWith("valid record 1", "valid record 2");
    }

    @Test
    void edgeCasesStayValidAndCoverBoundaries() {
        var results = Kit.run(EdgeTestCase.class, cassettes, "record");

        results.testEvents().assertStatistics(s -> s.failed(0));
        assertThat(displayNames(results)).contains("shortest email /email", "minimum -9223372036854775808 /age",
                "maximum 9223372036854775807 /age", "zero /age", "/status = inactive", "empty array /tags",
                "100 items in /tags", "empty string /tags/0", "longest string (1000) /tags/0", "unicode /tags/0");
        assertThat(NAMES).hasSameSizeAs(displayNames(results));
    }

    @Test
    void invalidCasesEachBreakTheShapeInOneNamedWay() {
        var results = Kit.run(InvalidTestCase.class, cassettes, "record");

        results.testEvents().assertStatistics(s -> s.failed(0));
        assertThat(displayNames(results)).contains("unexpected property \"unexpected\"",
                "missing required property /email", "null /email", "wrong type at /email (number instead of string (email))",
                "/email is not a valid email", "wrong type at /age (string instead of integer)", "/age is a fraction",
                "/status not one of active|inactive", "wrong type at /tags (string instead of array of string)");
    }

    @Test
    void invalidCasesOfAJsonSchemaAreOnlyThoseTheSchemaForbids() {
        var results = Kit.run(SchemaInvalidTestCase.class, cassettes, "record");

        results.testEvents().assertStatistics(s -> s.failed(0));
        assertThat(displayNames(results)).contains("missing required property /email", "null /email",
                "wrong type at /age (string instead of integer)", "/age below minimum 18", "/age is a fraction",
                "/tier not one of free|premium")
                .doesNotContain("unexpected property \"unexpected\"", "/email is not a valid email");
    }

    @Test
    void edgeCasesOfAJsonSchemaStillFitIt() {
        var results = Kit.run(SchemaEdgeTestCase.class, cassettes, "record");

        results.testEvents().assertStatistics(s -> s.failed(0));
        assertThat(displayNames(results)).contains("shortest email /email", "minimum 18 /age", "/tier = premium");
        assertThat(NAMES).hasSameSizeAs(displayNames(results));
    }
}

package dev.llmock.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import dev.llmock.Violation;
import dev.llmock.junit.GeneratedSource;
import dev.llmock.junit.GeneratedSource.Kind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * API contract testing from a schema: the endpoint under test must accept every valid and edge case and reject
 * every invalid one. The display name of each case says what it is.
 */
class ContractExampleTest {
    static final Shape CUSTOMER = Shape.parse(resource("shapes/customer.json"));

    /** The code under test: a request validator, as a REST endpoint would run it. */
    static int post(JsonNode body) {
        List<Violation> problems = CUSTOMER.validate(body);
        return problems.isEmpty() ? 201 : 400;
    }

    @ParameterizedTest(name = "{0}")
    @GeneratedSource(shapeResource = "shapes/customer.json", count = 5)
    void acceptsValidCustomers(JsonNode customer) {
        assertThat(post(customer)).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @GeneratedSource(shapeResource = "shapes/customer.json", kind = Kind.EDGE)
    void acceptsEdgeCases(JsonNode customer) {
        assertThat(post(customer)).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @GeneratedSource(shapeResource = "shapes/customer.json", kind = Kind.INVALID)
    void rejectsInvalidCustomers(JsonNode customer) {
        assertThat(post(customer)).isEqualTo(400);
    }

    private static String resource(String path) {
        try (var in = ContractExampleTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

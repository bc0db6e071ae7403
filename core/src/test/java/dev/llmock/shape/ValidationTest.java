package dev.llmock.shape;

import static dev.llmock.shape.TypeShapesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.Shape;
import dev.llmock.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValidationTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void fittingDataHasNoViolations() {
        Shape shape = Shape.parse("{\"name\":\"string\",\"age\":0,\"price\":0.0,\"active\":true,\"tags\":[\"string\"],"
                + "\"created\":\"ISO-8601\",\"status\":\"active|inactive\"}");

        assertThat(shape.validate(json("{\"name\":\"Ann\",\"age\":3,\"price\":2,\"active\":false,\"tags\":[],"
                + "\"created\":\"2024-05-01T12:30:00+02:00\",\"status\":\"active\"}"))).isEmpty();
    }

    @Test
    void reportsEveryViolationWithItsPointerAndReason() {
        Shape shape = Shape.parse("{\"name\":\"string\",\"age\":0,\"price\":0.0,\"active\":true,\"tags\":[\"string\"],"
                + "\"status\":\"active|inactive\",\"address\":{\"city\":\"string\"}}");

        assertThat(shape.validate(json("{\"age\":2.5,\"price\":\"9\",\"active\":null,\"tags\":[\"a\",7],"
                + "\"status\":\"gone\",\"address\":{\"city\":[]},\"extra\":1}")))
                .containsExactly(
                        new Violation("/name", "missing required property \"name\" (string)"),
                        new Violation("/age", "expected integer but was 2.5"),
                        new Violation("/price", "expected number but was string \"9\""),
                        new Violation("/active", "expected boolean but was null"),
                        new Violation("/tags/1", "expected string but was number 7"),
                        new Violation("/status", "\"gone\" is not one of active|inactive"),
                        new Violation("/address/city", "expected string but was array []"),
                        new Violation("/extra", "unexpected property \"extra\"; the shape allows only [name, age, price,"
                                + " active, tags, status, address]"));
    }

    @Test
    void wrongTypeAtTheRootIsReportedAtTheEmptyPointer() {
        Violation violation = Shape.parse("{\"a\":0}").validate(json("[1]")).get(0);

        assertThat(violation).isEqualTo(new Violation("", "expected object but was array [1]"));
        assertThat(violation.toString()).isEqualTo("(root): expected object but was array [1]");
    }

    @Test
    void boundsAndLengthsAndPatternsAreChecked() {
        Shape shape = Shape.parse("{\"type\":\"object\",\"properties\":{"
                + "\"age\":{\"type\":\"integer\",\"minimum\":18,\"maximum\":65},"
                + "\"score\":{\"type\":\"number\",\"minimum\":0.5,\"maximum\":1.5},"
                + "\"code\":{\"type\":\"string\",\"minLength\":3,\"maxLength\":4,\"pattern\":\"^[A-Z]+$\"}}}");

        assertThat(shape.validate(json("{\"age\":17,\"score\":1.75,\"code\":\"ab\"}"))).containsExactly(
                new Violation("/age", "number 17 is below the minimum 18"),
                new Violation("/score", "number 1.75 is above the maximum 1.5"),
                new Violation("/code", "string \"ab\" is shorter than minLength 3"),
                new Violation("/code", "string \"ab\" does not match the pattern ^[A-Z]+$"));
        assertThat(shape.validate(json("{\"age\":66,\"score\":0.4,\"code\":\"ABCDE\"}"))).containsExactly(
                new Violation("/age", "number 66 is above the maximum 65"),
                new Violation("/score", "number 0.4 is below the minimum 0.5"),
                new Violation("/code", "string \"ABCDE\" is longer than maxLength 4"));
        assertThat(shape.validate(json("{\"age\":18.0,\"score\":1.5,\"code\":\"ABC\"}"))).isEmpty();
    }

    @Test
    void lengthCountsCodePointsNotUtf16Units() {
        Shape shape = Shape.parse("{\"type\":\"string\",\"maxLength\":2}");

        assertThat(shape.validate(json("\"\uD83D\uDE00\uD83D\uDE00\""))).isEmpty();
    }

    @Test
    void formatsAreChecked() {
        Shape shape = Shape.parse("{\"at\":\"ISO-8601\",\"day\":\"date\",\"mail\":\"email\",\"id\":\"uuid\","
                + "\"site\":\"uri\"}");

        assertThat(shape.validate(json("{\"at\":\"2024-05-01 12:00\",\"day\":\"2024-02-30\",\"mail\":\"ann.example.com\","
                + "\"id\":\"1234\",\"site\":\"/relative/path\"}"))).containsExactly(
                new Violation("/at", "\"2024-05-01 12:00\" is not an ISO-8601 date-time such as 2024-05-01T12:30:00Z"),
                new Violation("/day", "\"2024-02-30\" is not an ISO-8601 date such as 2024-05-01"),
                new Violation("/mail", "\"ann.example.com\" is not an email address"),
                new Violation("/id", "\"1234\" is not a UUID"),
                new Violation("/site", "\"/relative/path\" is not an absolute URI such as https://example.com/x"));
        assertThat(shape.validate(json("{\"at\":\"2024-05-01T12:30:00Z\",\"day\":\"2024-02-29\","
                + "\"mail\":\"ann@example.com\",\"id\":\"123e4567-e89b-12d3-a456-426614174000\","
                + "\"site\":\"https://example.com/x?y=1\"}"))).isEmpty();
    }

    @Test
    void pastAndFutureAreJudgedAgainstTheGivenClock() {
        Shape shape = Shape.parse("{\"type\":\"object\",\"properties\":{"
                + "\"born\":{\"type\":\"string\",\"format\":\"date\",\"x-llmock-time\":\"past\"},"
                + "\"expires\":{\"type\":\"string\",\"format\":\"date-time\",\"x-llmock-time\":\"future\"}}}");

        assertThat(shape.validate(json("{\"born\":\"2025-06-16\",\"expires\":\"2025-06-15T11:59:59Z\"}"), NOW))
                .containsExactly(
                        new Violation("/born", "\"2025-06-16\" must be in the past"),
                        new Violation("/expires", "\"2025-06-15T11:59:59Z\" must be in the future"));
        assertThat(shape.validate(json("{\"born\":\"2025-06-14\",\"expires\":\"2025-06-15T12:00:01Z\"}"), NOW))
                .isEmpty();
    }

    @Test
    void arrayBoundsAndUniquenessAreChecked() {
        Shape shape = Shape.parse("{\"type\":\"object\",\"properties\":{"
                + "\"few\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"minItems\":2},"
                + "\"many\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"maxItems\":1},"
                + "\"set\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"uniqueItems\":true}}}");

        assertThat(shape.validate(json("{\"few\":[1],\"many\":[1,2],\"set\":[\"a\",\"b\",\"a\"]}"))).containsExactly(
                new Violation("/few", "1 items, expected at least 2"),
                new Violation("/many", "2 items, expected at most 1"),
                new Violation("/set", "duplicate items; the items must be unique"));
    }

    @Test
    void nullableAcceptsNullAndOtherwiseTheValue() {
        Shape shape = Shape.parse("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":[\"integer\",\"null\"]}},"
                + "\"required\":[\"n\"]}");

        assertThat(shape.validate(json("{\"n\":null}"))).isEmpty();
        assertThat(shape.validate(json("{\"n\":\"x\"}"))).containsExactly(
                new Violation("/n", "expected integer or null but was string \"x\""));
        assertThat(shape.validate(json("{}"))).containsExactly(
                new Violation("/n", "missing required property \"n\""));
    }

    @Test
    void nestedPointersEscapeSlashAndTilde() {
        Shape shape = Shape.parse("{\"a/b\":{\"c~d\":[{\"e\":0}]},\"map\":{\"type\":\"string\",\"x\":\"string\"}}");

        assertThat(shape.validate(json("{\"a/b\":{\"c~d\":[{\"e\":0},{\"e\":\"no\"}]},"
                + "\"map\":{\"type\":\"t\",\"x\":\"y\",\"f/g~\":1}}"))).containsExactly(
                new Violation("/a~1b/c~0d/1/e", "expected integer but was string \"no\""),
                new Violation("/map/f~1g~0", "unexpected property \"f/g~\"; the shape allows only [type, x]"));
    }

    @Test
    void mapValuesAndSizeAreChecked() {
        Shape shape = Shape.parse("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"},"
                + "\"maxProperties\":1}");

        assertThat(shape.validate(json("{\"a/x\":1,\"b\":\"2\"}"))).containsExactly(
                new Violation("/b", "expected integer but was string \"2\""),
                new Violation("", "2 properties, expected at most 1"));
    }

    @Test
    void longValuesAreShortenedInReasons() {
        String longText = "x".repeat(100);

        assertThat(Shape.parse("0").validate(json("\"" + longText + "\""))).containsExactly(
                new Violation("", "expected integer but was string \"" + "x".repeat(56) + "..."));
    }
}

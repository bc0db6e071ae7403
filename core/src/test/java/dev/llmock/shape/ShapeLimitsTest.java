package dev.llmock.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.ShapeException;
import dev.llmock.internal.Json;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shapes too deep, too large or expanding too far are refused before anything walks or generates them. */
class ShapeLimitsTest {
    private static String nestedArrays(int levels) {
        return "[".repeat(levels) + "\"string\"" + "]".repeat(levels);
    }

    private static String nestedObjects(int levels) {
        return "{\"a\":".repeat(levels) + "\"string\"" + "}".repeat(levels);
    }

    @Test
    void arraysNestedThirtyLevelsDeepAreRefusedBeforeGeneratingBillionsOfValues() {
        assertThat(nestedArrays(30)).hasSize(68);

        assertThatThrownBy(() -> Shape.parse(nestedArrays(30))).isInstanceOf(ShapeException.class)
                .hasMessage("One record of this shape can hold up to 205,891,132,094,649 values (arrays nested in"
                        + " arrays multiply), more than the limit of 100,000 (llmock.shape.maxValues). Nest fewer"
                        + " arrays, bound them with maxItems, or raise the limit.");
    }

    @Test
    void aJsonSchemaOfArraysNestedThirtyLevelsDeepIsRefusedToo() throws Exception {
        String schema = "{\"type\":\"array\",\"minItems\":2,\"items\":".repeat(30) + "{\"type\":\"string\"}"
                + "}".repeat(30);

        assertThatThrownBy(() -> Shape.fromJsonSchema(Json.MAPPER.readTree(schema))).isInstanceOf(ShapeException.class)
                .hasMessageStartingWith("One record of this shape can hold up to 205,891,132,094,649 values");
    }

    @Test
    void arraysNestedAFewLevelsStillGenerate() {
        try (Llmock llmock = Llmock.newBuilder().config(LlmockConfig.none()).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(nestedArrays(8)).build());

            assertThat(fixture.json().isArray()).isTrue();
        }
    }

    @Test
    void shapesNestedHundredsOfLevelsAreRefusedAsShapesNotWithAStackOverflow() {
        for (int levels : new int[] {500, 999}) {
            assertThatThrownBy(() -> Shape.parse(nestedObjects(levels))).as(levels + " levels")
                    .isInstanceOf(ShapeException.class)
                    .hasMessage("The shape nests more than 64 levels deep, more than the limit of 64"
                            + " (llmock.shape.maxDepth). Flatten the shape, or raise the limit.");
        }
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":".repeat(300) + "{\"type\":\"string\"}"
                + "}}".repeat(300);
        assertThatThrownBy(() -> Shape.fromJsonSchema(Json.MAPPER.readTree(schema)))
                .isInstanceOf(ShapeException.class).hasMessageStartingWith("The shape nests more than 64 levels deep");
    }

    @Test
    void theLimitsAreSystemProperties() {
        System.setProperty("llmock.shape.maxDepth", "8");
        try {
            assertThatThrownBy(() -> Shape.parse(nestedObjects(9))).isInstanceOf(ShapeException.class)
                    .hasMessageStartingWith("The shape nests more than 8 levels deep, more than the limit of 8");
            assertThat(Shape.parse(nestedObjects(7))).isNotNull();
        } finally {
            System.clearProperty("llmock.shape.maxDepth");
        }
    }

    @Test
    void anEnumOfAHundredAndTwentyFiveThousandChoicesIsRefusedByItsSize() {
        String choices = IntStream.range(0, 125_000).mapToObj(i -> "v" + i).collect(Collectors.joining("|"));

        assertThatThrownBy(() -> Shape.parse("{\"v\":\"" + choices + "\"}")).isInstanceOf(ShapeException.class)
                .hasMessage("The shape has more than 100000 parts (values, properties and enum choices;"
                        + " llmock.shape.maxNodes). Make the shape smaller, or raise the limit.");
    }

    @Test
    void aLargeEnumWithRepeatsKeepsEachChoiceOnceInItsOrder() {
        String choices = IntStream.range(0, 90_000).mapToObj(i -> "v" + (i % 45_000))
                .collect(Collectors.joining("|"));

        Shape shape = Shape.parse("{\"v\":\"" + choices + "\"}");

        assertThat(shape.toJsonSchema().at("/properties/v/enum")).hasSize(45_000);
        assertThat(shape.toJsonSchema().at("/properties/v/enum/44999").asText()).isEqualTo("v44999");
    }
}

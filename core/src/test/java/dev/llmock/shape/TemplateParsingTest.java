package dev.llmock.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.Shape;
import dev.llmock.ShapeException;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.BooleanShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import dev.llmock.internal.shape.ShapeNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateParsingTest {

    private static final String EXPECTED_VALUE = "a shape value: \"string\", 0, 0.0, true, \"a|b|c\", \"ISO-8601\","
            + " an object or an array with one exemplar element";

    @Test
    void readsEveryTypeWordOfLlmockApisTemplateSyntax() {
        Shape shape = Shape.parse("{\"name\":\"string\",\"age\":0,\"price\":0.0,\"active\":true,\"tags\":[\"string\"],"
                + "\"created\":\"ISO-8601\",\"status\":\"active|inactive|suspended\",\"address\":{\"city\":\"string\"}}");

        assertThat(ShapeAccess.node(shape)).isEqualTo(object(
                "name", StringShape.plain(),
                "age", NumberShape.integerShape(),
                "price", NumberShape.decimal(),
                "active", new BooleanShape(),
                "tags", new ArrayShape(StringShape.plain(), null, null, false),
                "created", StringShape.format("date-time"),
                "status", StringShape.oneOf(List.of("active", "inactive", "suspended")),
                "address", object("city", StringShape.plain())));
        assertThat(shape.cacheVariants()).isEqualTo(1);
    }

    @Test
    void readsTheFormatWordsAndTheirSpellings() {
        Shape shape = Shape.parse("{\"a\":\"date\",\"b\":\"email\",\"c\":\"uuid\",\"d\":\"url\",\"e\":\"iso8601\","
                + "\"f\":\"integer\",\"g\":\"decimal\",\"h\":\"boolean\",\"i\":\"GUID\",\"j\":\"false\",\"k\":false,"
                + "\"l\":-12,\"m\":1.5e3}");

        assertThat(ShapeAccess.node(shape)).isEqualTo(object(
                "a", StringShape.format("date"),
                "b", StringShape.format("email"),
                "c", StringShape.format("uuid"),
                "d", StringShape.format("uri"),
                "e", StringShape.format("date-time"),
                "f", NumberShape.integerShape(),
                "g", NumberShape.decimal(),
                "h", new BooleanShape(),
                "i", StringShape.format("uuid"),
                "j", new StringShape(null, List.of(), null, null, null, ShapeNode.Temporal.ANY, "false"),
                "k", new BooleanShape(),
                "l", NumberShape.integerShape(),
                "m", NumberShape.decimal()));
    }

    @Test
    void keepsTextThatIsNoTypeWordAsAnExampleForPrompts() {
        Shape shape = Shape.parse("{\"city\":\"Paris\"}");

        assertThat(ShapeAccess.node(shape)).isEqualTo(object("city",
                new StringShape(null, List.of(), null, null, null, ShapeNode.Temporal.ANY, "Paris")));
    }

    @Test
    void trimsAndDeduplicatesEnumOptions() {
        Shape shape = Shape.parse("{\"size\":\" S | M|L |M\"}");

        assertThat(ShapeAccess.node(shape)).isEqualTo(object("size", StringShape.oneOf(List.of("S", "M", "L"))));
    }

    @Test
    void takesTheFirstArrayElementAsTheExemplarOfEveryItem() {
        Shape shape = Shape.parse("{\"orders\":[{\"id\":0,\"lines\":[{\"sku\":\"string\",\"qty\":0}]},{\"other\":true}]}");

        assertThat(ShapeAccess.node(shape)).isEqualTo(object("orders", new ArrayShape(object(
                "id", NumberShape.integerShape(),
                "lines", new ArrayShape(object("sku", StringShape.plain(), "qty", NumberShape.integerShape()),
                        null, null, false)), null, null, false)));
    }

    @Test
    void acceptsAnArrayOrAScalarAtTheTopLevel() {
        assertThat(ShapeAccess.node(Shape.parse("[{\"id\":0}]")))
                .isEqualTo(new ArrayShape(object("id", NumberShape.integerShape()), null, null, false));
        assertThat(ShapeAccess.node(Shape.parse("\"email\""))).isEqualTo(StringShape.format("email"));
        assertThat(ShapeAccess.node(Shape.parse("0"))).isEqualTo(NumberShape.integerShape());
    }

    @Test
    void keepsTheCacheDirectiveAsMetadataNotAsAField() {
        Shape shape = Shape.parse("{\"$cache\": 3, \"name\": \"string\"}");

        assertThat(shape.cacheVariants()).isEqualTo(3);
        assertThat(ShapeAccess.node(shape)).isEqualTo(object("name", StringShape.plain()));
        assertThat(shape).isNotEqualTo(Shape.parse("{\"name\": \"string\"}"));
        assertThat(shape.canonical()).contains("\"$cache\":3");
    }

    @Test
    void detectsJsonSchemaByItsSchemaKeyword() {
        Shape shape = Shape.parse("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                + "\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}");

        assertThat(ShapeAccess.node(shape)).isEqualTo(object("name", StringShape.plain()));
    }

    @Test
    void detectsJsonSchemaByItsProperties() {
        Shape shape = Shape.parse("{\"properties\":{\"age\":{\"type\":\"integer\",\"minimum\":18}}}");

        assertThat(ShapeAccess.node(shape)).isEqualTo(new ObjectShape(
                Map.of("age", new NumberShape(true, java.math.BigDecimal.valueOf(18), null)), java.util.Set.of(), null));
    }

    @Test
    void detectsJsonSchemaByATypeNamingAJsonType() {
        assertThat(ShapeAccess.node(Shape.parse("{\"type\":\"string\",\"format\":\"email\"}")))
                .isEqualTo(StringShape.format("email"));
        assertThat(ShapeAccess.node(Shape.parse("{\"type\":[\"integer\",\"null\"]}")))
                .isEqualTo(new ShapeNode.NullableShape(NumberShape.integerShape()));
    }

    @Test
    void keepsATemplateWithAFieldNamedTypeATemplate() {
        assertThat(ShapeAccess.node(Shape.parse("{\"type\":\"string\",\"name\":\"string\"}")))
                .isEqualTo(object("type", StringShape.plain(), "name", StringShape.plain()));
        assertThat(ShapeAccess.node(Shape.parse("{\"type\":\"deposit|withdrawal\"}")))
                .isEqualTo(object("type", StringShape.oneOf(List.of("deposit", "withdrawal"))));
        assertThat(ShapeAccess.node(Shape.parse("{\"id\":0,\"type\":\"object\"}")))
                .isEqualTo(object("id", NumberShape.integerShape(), "type",
                        new StringShape(null, List.of(), null, null, null, ShapeNode.Temporal.ANY, "object")));
    }

    @Test
    void malformedShapeNamesLineAndColumnAndWhatWasExpected() {
        String text = "{\n  \"name\": \"string\",\n  \"age\": 0,\n}";

        assertThatThrownBy(() -> Shape.parse(text))
                .isInstanceOfSatisfying(ShapeException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isEqualTo(1);
                })
                .hasMessage("Malformed shape at line 4, column 1: invalid JSON: Unexpected character ('}' (code 125)):"
                        + " was expecting double-quote to start field name.\n  }\n  ^");
    }

    @Test
    void nullValueIsMalformedBecauseItSaysNothingAboutTheType() {
        assertThatThrownBy(() -> Shape.parse("{\"name\": null}"))
                .isInstanceOfSatisfying(ShapeException.class, e -> assertThat(e.column()).isEqualTo(10))
                .hasMessage("Malformed shape at line 1, column 10: expected " + EXPECTED_VALUE + ", but found null."
                        + "\n  {\"name\": null}\n           ^");
    }

    @Test
    void emptyArrayIsMalformedBecauseItHasNoExemplar() {
        assertThatThrownBy(() -> Shape.parse("{\"tags\": []}"))
                .hasMessage("Malformed shape at line 1, column 10: expected an array with one exemplar element such as"
                        + " [\"string\"], but it is empty.\n  {\"tags\": []}\n           ^");
    }

    @Test
    void emptyEnumOptionIsMalformed() {
        assertThatThrownBy(() -> Shape.parse("{\"status\": \"active||inactive\"}"))
                .hasMessage("Malformed shape at line 1, column 12: expected enum values separated by |, such as"
                        + " \"active|inactive\", but \"active||inactive\" has an empty one."
                        + "\n  {\"status\": \"active||inactive\"}\n             ^");
    }

    @Test
    void unknownDirectiveIsMalformed() {
        assertThatThrownBy(() -> Shape.parse("{\"$ttl\": 3, \"name\": \"string\"}"))
                .hasMessage("Malformed shape at line 1, column 2: unknown directive \"$ttl\"; the only directive is"
                        + " \"$cache\" (property names may not start with $).\n  {\"$ttl\": 3, \"name\": \"\n   ^");
    }

    @Test
    void cacheDirectiveBelongsAtTheTopLevel() {
        assertThatThrownBy(() -> Shape.parse("{\"user\": {\"$cache\": 2, \"name\": \"string\"}}"))
                .hasMessageStartingWith("Malformed shape at line 1, column 11: \"$cache\" belongs at the top level of"
                        + " the shape, not inside a nested object.");
    }

    @Test
    void cacheDirectiveMustBeAPositiveWholeNumber() {
        assertThatThrownBy(() -> Shape.parse("{\"$cache\": 0}"))
                .hasMessageStartingWith("Malformed shape at line 1, column 12: expected \"$cache\" to be a whole number"
                        + " of variants of at least 1, but found 0.");
        assertThatThrownBy(() -> Shape.parse("{\"$cache\": \"3\"}"))
                .hasMessageStartingWith("Malformed shape at line 1, column 12: expected \"$cache\" to be a whole number"
                        + " of variants of at least 1, but found 3.");
        assertThatThrownBy(() -> Shape.parse("{\"$cache\": 2.5}"))
                .hasMessageStartingWith("Malformed shape at line 1, column 12: expected \"$cache\" to be a whole number"
                        + " of variants of at least 1, but found 2.5.");
    }

    @Test
    void trailingTextAfterTheShapeIsMalformed() {
        assertThatThrownBy(() -> Shape.parse("{\"name\":\"string\"} {\"age\":0}"))
                .isInstanceOfSatisfying(ShapeException.class, e -> assertThat(e.column()).isEqualTo(19))
                .hasMessage("Malformed shape at line 1, column 19: expected the end of the shape after one JSON value,"
                        + " but found more text.\n  {\"name\":\"string\"} {\"age\":0}\n                    ^");
    }

    @Test
    void duplicatePropertyIsMalformed() {
        assertThatThrownBy(() -> Shape.parse("{\"a\":\"string\",\"a\":0}"))
                .hasMessageStartingWith("Malformed shape at line 1, column 15: the property \"a\" appears twice");
    }

    @Test
    void emptyShapeSaysWhatIsExpected() {
        assertThatThrownBy(() -> Shape.parse("  "))
                .isInstanceOfSatisfying(ShapeException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessage("The shape is empty. Expected JSON such as {\"name\":\"string\",\"age\":0} or a JSON Schema.");
    }

    static ObjectShape object(Object... namesAndShapes) {
        Map<String, ShapeNode> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndShapes.length; i += 2) {
            properties.put((String) namesAndShapes[i], (ShapeNode) namesAndShapes[i + 1]);
        }
        return new ObjectShape(properties, properties.keySet(), null);
    }
}

package dev.llmock.shape;

import static dev.llmock.shape.TemplateParsingTest.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.Shape;
import dev.llmock.ShapeException;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import dev.llmock.internal.shape.ShapeNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesATemplateAsDraft202012WithEveryPropertyRequiredAndNoOthers() {
        // "required" is sorted so that equal shapes, whatever their property order, give equal schemas and keys.
        Shape shape = Shape.parse("{\"name\":\"string\",\"age\":0,\"price\":0.0,\"active\":true,\"tags\":[\"string\"],"
                + "\"created\":\"ISO-8601\",\"status\":\"active|inactive\",\"address\":{\"city\":\"Paris\"}}");

        assertThat(shape.toJsonSchema().toString()).isEqualTo("{"
                + "\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\",\"properties\":{"
                + "\"name\":{\"type\":\"string\"},"
                + "\"age\":{\"type\":\"integer\"},"
                + "\"price\":{\"type\":\"number\"},"
                + "\"active\":{\"type\":\"boolean\"},"
                + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
                + "\"created\":{\"type\":\"string\",\"format\":\"date-time\"},"
                + "\"status\":{\"type\":\"string\",\"enum\":[\"active\",\"inactive\"]},"
                + "\"address\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\",\"examples\":[\"Paris\"]}},"
                + "\"required\":[\"city\"],\"additionalProperties\":false}},"
                + "\"required\":[\"active\",\"address\",\"age\",\"created\",\"name\",\"price\",\"status\",\"tags\"],"
                + "\"additionalProperties\":false}");
    }

    @Test
    void writesBoundsLengthsPatternsNullablesAndMaps() {
        Shape shape = ShapeAccess.wrap(new ObjectShape(linked(
                "age", new NumberShape(true, BigDecimal.valueOf(18), new BigDecimal("120.0")),
                "score", new NumberShape(false, new BigDecimal("0.5"), null),
                "code", StringShape.plain().withLength(2, 8).withPattern("^[A-Z]+$"),
                "nickname", new NullableShape(StringShape.plain()),
                "role", new NullableShape(StringShape.oneOf(List.of("admin", "user"))),
                "ids", new ArrayShape(StringShape.format("uuid"), 1, 5, true),
                "scores", new MapShape(NumberShape.integerShape(), 10),
                "born", StringShape.format("date").withTime(ShapeNode.Temporal.PAST)),
                Set.of("age", "score", "code", "role", "ids", "scores", "born"), "A person"));

        assertThat(shape.toJsonSchema().toString()).isEqualTo("{"
                + "\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                + "\"description\":\"A person\",\"properties\":{"
                + "\"age\":{\"type\":\"integer\",\"minimum\":18,\"maximum\":120},"
                + "\"score\":{\"type\":\"number\",\"minimum\":0.5},"
                + "\"code\":{\"type\":\"string\",\"minLength\":2,\"maxLength\":8,\"pattern\":\"^[A-Z]+$\"},"
                + "\"nickname\":{\"type\":[\"string\",\"null\"]},"
                + "\"role\":{\"anyOf\":[{\"type\":\"string\",\"enum\":[\"admin\",\"user\"]},{\"type\":\"null\"}]},"
                + "\"ids\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"format\":\"uuid\"},\"minItems\":1,"
                + "\"maxItems\":5,\"uniqueItems\":true},"
                + "\"scores\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"},\"maxProperties\":10},"
                + "\"born\":{\"type\":\"string\",\"format\":\"date\",\"x-llmock-time\":\"past\"}},"
                + "\"required\":[\"age\",\"born\",\"code\",\"ids\",\"role\",\"score\",\"scores\"],"
                + "\"additionalProperties\":false}");
        assertThat(Shape.fromJsonSchema(shape.toJsonSchema())).isEqualTo(shape);
    }

    @Test
    void readsLocalReferencesToDefs() throws Exception {
        Shape shape = schema("{\"type\":\"object\",\"properties\":{\"home\":{\"$ref\":\"#/$defs/Address\"},"
                + "\"work\":{\"$ref\":\"#/definitions/Address\"}},\"required\":[\"home\"],"
                + "\"$defs\":{\"Address\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                + "\"required\":[\"city\"]}},"
                + "\"definitions\":{\"Address\":{\"$ref\":\"#/$defs/Address\"}}}");

        ObjectShape address = object("city", StringShape.plain());
        assertThat(ShapeAccess.node(shape)).isEqualTo(new ObjectShape(linked("home", address, "work", address), Set.of("home"), null));
    }

    @Test
    void readsNullableAsAnyOfWithNullOrAsATypeList() throws Exception {
        Shape shape = schema("{\"type\":\"object\",\"properties\":{"
                + "\"a\":{\"anyOf\":[{\"type\":\"null\"},{\"type\":\"string\",\"format\":\"email\"}]},"
                + "\"b\":{\"type\":[\"number\",\"null\"],\"maximum\":3},"
                + "\"c\":{\"oneOf\":[{\"type\":\"boolean\"}]},"
                + "\"d\":{\"type\":\"string\",\"nullable\":true}}}");

        assertThat(ShapeAccess.node(shape)).isEqualTo(new ObjectShape(linked(
                "a", new NullableShape(StringShape.format("email")),
                "b", new NullableShape(new NumberShape(false, null, BigDecimal.valueOf(3))),
                "c", new ShapeNode.BooleanShape(),
                "d", new NullableShape(StringShape.plain())), Set.of(), null));
    }

    @Test
    void readsInclusiveAndExclusiveBoundsLengthsAndArrays() throws Exception {
        Shape shape = schema("{\"type\":\"object\",\"properties\":{"
                + "\"i\":{\"type\":\"integer\",\"minimum\":1.0,\"maximum\":1E2},"
                + "\"j\":{\"type\":\"integer\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":10},"
                + "\"x\":{\"type\":\"number\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":1},"
                + "\"s\":{\"type\":\"string\",\"minLength\":3,\"maxLength\":5,\"pattern\":\"^[a-z]+$\"},"
                + "\"e\":{\"enum\":[\"x\",\"y\"]},"
                + "\"k\":{\"const\":\"fixed\"},"
                + "\"l\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"minItems\":2,\"maxItems\":4,"
                + "\"uniqueItems\":true},"
                + "\"m\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"},\"maxProperties\":2}}}");

        assertThat(ShapeAccess.node(shape)).isEqualTo(new ObjectShape(linked(
                "i", new NumberShape(true, BigDecimal.ONE, BigDecimal.valueOf(100)),
                "j", new NumberShape(true, BigDecimal.ONE, BigDecimal.valueOf(9)),
                "x", new NumberShape(false, new BigDecimal("0.01"), new BigDecimal("0.99")),
                "s", StringShape.plain().withLength(3, 5).withPattern("^[a-z]+$"),
                "e", StringShape.oneOf(List.of("x", "y")),
                "k", StringShape.oneOf(List.of("fixed")),
                "l", new ArrayShape(NumberShape.integerShape(), 2, 4, true),
                "m", new MapShape(StringShape.plain(), 2)), Set.of(), null));
    }

    @Test
    void mergesAllOfParts() throws Exception {
        Shape shape = schema("{\"$defs\":{\"Named\":{\"properties\":{\"name\":{\"type\":\"string\"}},"
                + "\"required\":[\"name\"]}},\"allOf\":[{\"$ref\":\"#/$defs/Named\"},"
                + "{\"type\":\"object\",\"properties\":{\"age\":{\"type\":\"integer\"}},\"required\":[\"age\"]}]}");

        assertThat(ShapeAccess.node(shape)).isEqualTo(object("name", StringShape.plain(), "age", NumberShape.integerShape()));
    }

    @Test
    void unsupportedConstructsFailWithTheirPointer() {
        assertThatThrownBy(() -> schema("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":[\"string\",\"integer\"]}}}"))
                .isInstanceOf(ShapeException.class)
                .hasMessage("Unsupported JSON Schema at /properties/a/type: a value of several types [string, integer]"
                        + " cannot be generated consistently; use one type (plus \"null\").");
        assertThatThrownBy(() -> schema("{\"type\":\"object\",\"properties\":{\"a/b\":{\"$ref\":\"https://x.test/s.json\"}}}"))
                .hasMessage("Unsupported JSON Schema at /properties/a~1b/$ref: only local references"
                        + " (\"#/$defs/Name\") are supported, but found \"https://x.test/s.json\"; inline the referenced"
                        + " schema.");
        assertThatThrownBy(() -> schema("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/Nope\"}}}"))
                .hasMessage("Unsupported JSON Schema at /properties/a/$ref: \"#/$defs/Nope\" points at nothing in this"
                        + " schema.");
        assertThatThrownBy(() -> schema("{\"type\":\"array\",\"items\":true}"))
                .hasMessage("Unsupported JSON Schema at (root): an array needs \"items\" with one schema for its"
                        + " elements.");
        assertThatThrownBy(() -> schema("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"date\"}}}"))
                .hasMessage("Unsupported JSON Schema at /properties/a/type: expected one of " + typesInSetOrder()
                        + ", but found \"date\".");
        assertThatThrownBy(() -> schema("{\"type\":\"string\",\"enum\":[\"a\",1]}"))
                .hasMessage("Unsupported JSON Schema at /enum: only string enums are supported, but found 1.");
        assertThatThrownBy(() -> schema("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},"
                + "\"required\":[\"b\"]}"))
                .hasMessage("Unsupported JSON Schema at /required: \"b\" is required but not among the properties [a].");
        assertThatThrownBy(() -> schema("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\","
                + "\"pattern\":\"[a-z\"}}}"))
                .hasMessage("Unsupported JSON Schema at /properties/a/pattern: \"[a-z\" is not a regular expression Java"
                        + " can read (Unclosed character class at index 3).");
        assertThatThrownBy(() -> schema("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\","
                + "\"pattern\":\"[a-z\"}}}"))
                .hasMessage("Unsupported JSON Schema at /properties/a/pattern: \"[a-z\" is not a regular expression Java"
                        + " can read (Unclosed character class at index 3).");
        assertThatThrownBy(() -> schema("{\"type\":\"integer\",\"minimum\":5,\"maximum\":4}"))
                .hasMessage("Unsupported JSON Schema at (root): minimum 5 is above maximum 4.");
        assertThatThrownBy(() -> schema("{\"$schema\":\"x\",\"description\":\"no type\"}"))
                .hasMessage("Unsupported JSON Schema at (root): the schema has no \"type\"; expected one of "
                        + typesInSetOrder() + ".");
    }

    @Test
    void recursiveReferenceFailsWithAClearMessage() {
        assertThatThrownBy(() -> schema("{\"$ref\":\"#/$defs/Node\",\"$defs\":{\"Node\":{\"type\":\"object\","
                + "\"properties\":{\"next\":{\"$ref\":\"#/$defs/Node\"}}}}}"))
                .hasMessage("Unsupported JSON Schema at /$defs/Node/properties/next/$ref: the schema refers to itself"
                        + " through \"#/$defs/Node\"; recursive shapes cannot be generated to a finite depth. Give the"
                        + " nested level its own schema.");
    }

    private static String typesInSetOrder() {
        return "[object, array, string, integer, number, boolean, null]";
    }

    private static Shape schema(String json) throws Exception {
        JsonNode tree = MAPPER.readTree(json);
        return Shape.fromJsonSchema(tree);
    }

    static Map<String, ShapeNode> linked(Object... namesAndShapes) {
        Map<String, ShapeNode> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndShapes.length; i += 2) {
            map.put((String) namesAndShapes[i], (ShapeNode) namesAndShapes[i + 1]);
        }
        return map;
    }
}

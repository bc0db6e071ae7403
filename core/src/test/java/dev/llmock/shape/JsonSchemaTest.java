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
        assertThat(ShapeAccess.node(Shape.fromJsonSchema(shape.toJsonSchema()))).isEqualTo(ShapeAccess.node(shape));
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
    void aSchemaThatCannotBeReadIsRefusedSayingWhy() {
        assertThatThrownBy(() -> schema("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"https://x.test/s.json\"}}}"))
                .isInstanceOf(ShapeException.class)
                .hasMessage("The JSON Schema cannot be read: it refers to https://x.test/s.json, which llmock does not"
                        + " fetch. llmock resolves \"$ref\" inside the schema document and to the JSON Schema"
                        + " meta-schemas only, and knows drafts 4, 6, 7, 2019-09 and 2020-12 (\"$schema\");"
                        + " inline referenced schemas under \"$defs\".");
        assertThatThrownBy(() -> Shape.fromJsonSchema(MAPPER.getNodeFactory().textNode("string")))
                .hasMessage("A JSON Schema is an object or a boolean, but this is string \"string\". Give a schema"
                        + " such as {\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}.");
    }

    @Test
    void whatTheSimplerViewCannotExpressIsAnyValueAndTheSchemaStillValidatesIt() throws Exception {
        Shape shape = schema("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":[\"string\",\"integer\"]},"
                + "\"next\":{\"$ref\":\"#\"}},\"required\":[\"a\",\"b\"]}");

        // The recursive reference is followed once, then the view stops.
        ObjectShape inner = new ObjectShape(linked("a", new ShapeNode.AnyShape(), "next", new ShapeNode.AnyShape()),
                Set.of("a"), null);
        assertThat(ShapeAccess.node(shape)).isEqualTo(new ObjectShape(linked("a", new ShapeNode.AnyShape(),
                "next", inner), Set.of("a"), null));
        assertThat(shape.validate(MAPPER.readTree("{\"a\":1,\"b\":0,\"next\":{\"a\":\"x\",\"b\":true}}")))
                .isEmpty();
        assertThat(shape.validate(MAPPER.readTree("{\"a\":1.5,\"b\":0,\"next\":{\"a\":\"x\"}}")))
                .extracting(Object::toString)
                .containsExactly("/a: expected string or integer but was number 1.5",
                        "/next/b: missing required property \"b\"");
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

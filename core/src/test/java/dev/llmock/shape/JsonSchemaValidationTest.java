package dev.llmock.shape;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.Shape;
import dev.llmock.Violation;
import org.junit.jupiter.api.Test;

/** JSON Schema shapes validate with the specification's meaning, and say what is wrong in llmock's words. */
class JsonSchemaValidationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void anEnumOfIntegersAcceptsOnlyItsValues() {
        Shape shape = schema("{\"type\":\"integer\",\"enum\":[100,200,300]}");

        assertThat(shape.validate(json("200"))).isEmpty();
        assertThat(shape.validate(json("975"))).containsExactly(
                new Violation("", "number 975 is not one of [100,200,300]"));
    }

    @Test
    void constOfAnyTypeIsHonouredAndNumbersCompareByValue() {
        Shape shape = schema("{\"properties\":{\"n\":{\"const\":2},\"o\":{\"const\":{\"a\":[1,null]}}}}");

        assertThat(shape.validate(json("{\"n\":2.0,\"o\":{\"a\":[1,null]}}"))).isEmpty();
        assertThat(shape.validate(json("{\"n\":\"2\",\"o\":{\"a\":[1]}}"))).containsExactly(
                new Violation("/n", "expected the constant 2 but was string \"2\""),
                new Violation("/o", "expected the constant {\"a\":[1,null]} but was object {\"a\":[1]}"));
    }

    @Test
    void anyOfAcceptsEveryOptionAndOneOfExactlyOne() {
        Shape anyOf = schema("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}");
        Shape oneOf = schema("{\"oneOf\":[{\"type\":\"integer\",\"multipleOf\":2},{\"type\":\"integer\",\"multipleOf\":3}]}");

        assertThat(anyOf.validate(json("7"))).isEmpty();
        assertThat(anyOf.validate(json("\"seven\""))).isEmpty();
        assertThat(oneOf.validate(json("9"))).isEmpty();
        assertThat(oneOf.validate(json("6"))).containsExactly(
                new Violation("", "number 6 matches 2 of the oneOf options; exactly one must match"));
    }

    @Test
    void exclusiveBoundsAreExact() {
        Shape shape = schema("{\"type\":\"number\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":1}");

        assertThat(shape.validate(json("0.001"))).isEmpty();
        assertThat(shape.validate(json("0.999"))).isEmpty();
        assertThat(shape.validate(json("0"))).containsExactly(
                new Violation("", "number 0 is not above the exclusive minimum 0"));
        assertThat(shape.validate(json("1"))).containsExactly(
                new Violation("", "number 1 is not below the exclusive maximum 1"));
    }

    @Test
    void propertiesBeyondTheNamedOnesAreAllowedUnlessAdditionalPropertiesIsFalse() {
        String properties = "\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}";

        assertThat(schema("{" + properties + "}").validate(json("{\"id\":1,\"note\":\"x\"}"))).isEmpty();
        assertThat(schema("{" + properties + ",\"additionalProperties\":false}").validate(json("{\"id\":1,\"note\":1}")))
                .containsExactly(new Violation("/note", "unexpected property \"note\"; the schema allows no"
                        + " properties besides those it names"));
    }

    @Test
    void formatsAreAnnotationsUnlessAssertedAndApplyToStringsOnly() {
        Shape shape = schema("{\"properties\":{\"mail\":{\"format\":\"email\"},\"day\":{\"format\":\"date\"}}}");
        JsonNode bad = json("{\"mail\":\"ann.example.com\",\"day\":\"2024-02-30\"}");

        assertThat(shape.validate(bad)).isEmpty();
        assertThat(shape.assertingFormats().validate(bad)).containsExactly(
                new Violation("/mail", "string \"ann.example.com\" is not a valid email"),
                new Violation("/day", "string \"2024-02-30\" is not a valid date"));
        assertThat(shape.assertingFormats().validate(json("{\"mail\":12,\"day\":[]}"))).isEmpty();
        assertThat(shape.assertingFormats()).isNotEqualTo(shape);
        assertThat(shape.assertingFormats().canonical()).isEqualTo(shape.canonical());
    }

    @Test
    void referencesAnchorsAndDynamicReferencesResolveInsideTheDocument() {
        Shape shape = schema("{\"$defs\":{\"positive\":{\"$anchor\":\"pos\",\"type\":\"integer\",\"minimum\":1}},"
                + "\"type\":\"array\",\"prefixItems\":[{\"$ref\":\"#/$defs/positive\"},{\"$ref\":\"#pos\"}],"
                + "\"items\":false}");

        assertThat(shape.validate(json("[1,2]"))).isEmpty();
        assertThat(shape.validate(json("[1,0,3]"))).containsExactly(
                new Violation("/1", "number 0 is below the minimum 1"),
                new Violation("/2", "unexpected item; the schema allows no further items here"));
    }

    @Test
    void theSchemaIsKeptAsGivenForProvidersAndKeys() {
        String text = "{\"type\":\"object\",\"properties\":{\"n\":{\"const\":2}},\"required\":[\"n\"]}";
        Shape shape = schema(text);

        assertThat(shape.toJsonSchema()).isEqualTo(json(text));
        assertThat(shape.canonical()).isEqualTo("{\"properties\":{\"n\":{\"const\":2}},\"required\":[\"n\"],"
                + "\"type\":\"object\"}");
        assertThat(Shape.fromJsonSchema(json("true")).toJsonSchema()).isEqualTo(json("{}"));
        assertThat(Shape.fromJsonSchema(json("false")).toJsonSchema()).isEqualTo(json("{\"not\":{}}"));
    }

    static Shape schema(String text) {
        return Shape.fromJsonSchema(json(text));
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

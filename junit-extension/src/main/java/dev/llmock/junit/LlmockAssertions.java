package dev.llmock.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
import java.lang.reflect.Type;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on JSON and objects against a shape.
 *
 * <pre>{@code
 * LlmockAssertions.assertThat(responseBody).conformsTo("{\"id\":0,\"email\":\"email\"}");
 * LlmockAssertions.assertThat(user).conformsTo(Shape.of(User.class));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class LlmockAssertions {
    private LlmockAssertions() {
    }

    /**
     * Starts an assertion on JSON text, a {@link JsonNode}, or any object Jackson can serialise.
     *
     * @param actual the value to check, or null
     * @return the assertion
     * @throws AssertionError when {@code actual} is text that does not parse as JSON
     */
    public static ShapeAssert assertThat(Object actual) {
        return new ShapeAssert(toJson(actual));
    }

    private static JsonNode toJson(Object actual) {
        if (actual == null) {
            return null;
        }
        if (actual instanceof JsonNode node) {
            return node;
        }
        if (actual instanceof String text) {
            try {
                return Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Expecting JSON text but it does not parse: "
                        + e.getOriginalMessage() + "\n  " + text);
            }
        }
        return Json.MAPPER.valueToTree(actual);
    }

    /**
     * Asserts that JSON fits a shape, failing with every violation by JSON Pointer.
     *
     * @since 0.1.0
     */
    public static final class ShapeAssert extends AbstractAssert<ShapeAssert, JsonNode> {
        ShapeAssert(JsonNode actual) {
            super(actual, ShapeAssert.class);
        }

        /**
         * Verifies that the JSON fits {@code shape}.
         *
         * @param shape the shape
         * @return this assertion
         * @throws AssertionError listing every violation by JSON Pointer when it does not fit
         */
        public ShapeAssert conformsTo(Shape shape) {
            isNotNull();
            List<Violation> violations = shape.validate(actual);
            if (!violations.isEmpty()) {
                StringBuilder message = new StringBuilder("\nExpecting\n  ").append(Json.compact(actual))
                        .append("\nto conform to the shape, but found ").append(violations.size())
                        .append(violations.size() == 1 ? " violation:" : " violations:");
                violations.forEach(v -> message.append("\n  ").append(v));
                failWithMessage("%s", message.toString());
            }
            return this;
        }

        /**
         * Verifies that the JSON fits a template or JSON Schema.
         *
         * @param shape the template or JSON Schema
         * @return this assertion
         * @throws AssertionError listing every violation by JSON Pointer when it does not fit
         */
        public ShapeAssert conformsTo(String shape) {
            return conformsTo(Shape.parse(shape));
        }

        /**
         * Verifies that the JSON fits the shape of a Java type.
         *
         * @param type the type
         * @return this assertion
         * @throws AssertionError listing every violation by JSON Pointer when it does not fit
         */
        public ShapeAssert conformsTo(Type type) {
            return conformsTo(Shape.of(type));
        }
    }
}

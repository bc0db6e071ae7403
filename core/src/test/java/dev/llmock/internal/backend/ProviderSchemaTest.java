package dev.llmock.internal.backend;

import static dev.llmock.internal.backend.http.LoopbackLlm.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import org.junit.jupiter.api.Test;

class ProviderSchemaTest {
    private static final LlmockConfig.Limits LIMITS = new LlmockConfig.Limits(50, 5);

    @Test
    void boundsEveryStringAndArrayThatTheShapeLeavesOpen() {
        ObjectNode schema = ProviderSchema.of(Shape.parse("{\"name\":\"string\",\"tags\":[\"string\"],"
                + "\"status\":\"active|inactive\",\"address\":{\"city\":\"string\"},\"when\":\"ISO-8601\"}"), 1, LIMITS)
                .schema();

        assertThat(schema.has("$schema")).isFalse();
        assertThat(schema.at("/properties/name/maxLength").asInt()).isEqualTo(50);
        assertThat(schema.at("/properties/tags/maxItems").asInt()).isEqualTo(5);
        assertThat(schema.at("/properties/tags/items/maxLength").asInt()).isEqualTo(50);
        assertThat(schema.at("/properties/status").has("maxLength")).isFalse();
        assertThat(schema.at("/properties/address/properties/city/maxLength").asInt()).isEqualTo(50);
        assertThat(schema.at("/properties/when/maxLength").asInt()).isEqualTo(50);
    }

    @Test
    void keepsTheShapesOwnLimitsAndNeverBoundsBelowAMinimum() {
        JsonNode given = json("{\"type\":\"object\",\"properties\":{"
                + "\"code\":{\"type\":\"string\",\"maxLength\":3},"
                + "\"essay\":{\"type\":\"string\",\"minLength\":80},"
                + "\"many\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"minItems\":9},"
                + "\"maybe\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]},"
                + "\"nullable\":{\"type\":[\"string\",\"null\"]},"
                + "\"when\":{\"type\":\"string\",\"x-llmock-time\":\"past\"}},"
                + "\"required\":[],\"additionalProperties\":false}");

        ObjectNode schema = ProviderSchema.bound(given, LIMITS);

        assertThat(schema.at("/properties/code/maxLength").asInt()).isEqualTo(3);
        assertThat(schema.at("/properties/essay/maxLength").asInt()).isEqualTo(80);
        assertThat(schema.at("/properties/many/maxItems").asInt()).isEqualTo(9);
        assertThat(schema.at("/properties/maybe/anyOf/0/maxLength").asInt()).isEqualTo(50);
        assertThat(schema.at("/properties/nullable/maxLength").asInt()).isEqualTo(50);
        assertThat(schema.at("/properties/when").has("x-llmock-time")).isFalse();
        assertThat(schema.at("/properties/when/description").asText()).isEqualTo("a moment in the past");
        assertThat(given.at("/properties/essay").has("maxLength")).as("the input is left as it was").isFalse();
    }

    @Test
    void wrapsNRecordsAsItemsOfAnObjectAndUnwrapsThem() {
        ProviderSchema schema = ProviderSchema.of(Shape.parse("{\"name\":\"string\"}"), 3, LIMITS);

        assertThat(schema.schema().toString()).isEqualTo("{\"type\":\"object\",\"properties\":{\"items\":{\"type\":"
                + "\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"maxLength\":50}},"
                + "\"required\":[\"name\"],\"additionalProperties\":false},\"minItems\":3,\"maxItems\":3}},"
                + "\"required\":[\"items\"],\"additionalProperties\":false}");
        assertThat(schema.unwrap(json("{\"items\":[1,2,3]}"))).isEqualTo(json("[1,2,3]"));
        assertThat(schema.unwrap(json("{\"users\":[1,2,3]}"))).isEqualTo(json("[1,2,3]"));
        assertThat(schema.unwrap(json("[1,2,3]"))).isEqualTo(json("[1,2,3]"));
    }

    @Test
    void wrapsAValueThatIsNotAnObject() {
        ProviderSchema schema = ProviderSchema.of(Shape.parse("[\"string\"]"), 1, LIMITS);

        assertThat(schema.envelopeKey()).isEqualTo("value");
        assertThat(schema.schema().at("/properties/value/type").asText()).isEqualTo("array");
        assertThat(schema.unwrap(json("{\"value\":[\"a\"]}"))).isEqualTo(json("[\"a\"]"));
    }
}

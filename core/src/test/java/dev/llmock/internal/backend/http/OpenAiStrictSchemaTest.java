package dev.llmock.internal.backend.http;

import static dev.llmock.internal.backend.http.LoopbackLlm.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class OpenAiStrictSchemaTest {

    private static OpenAiStrictSchema fit(String schema) {
        return OpenAiStrictSchema.of((ObjectNode) json(schema));
    }

    @Test
    void optionalEnumsReferencesAndUnionsBecomeNullableEachInItsOwnWay() {
        OpenAiStrictSchema fitted = fit("""
                {"type": "object",
                 "properties": {
                   "unit": {"type": "string", "enum": ["F", "C"]},
                   "home": {"$ref": "#/$defs/place"},
                   "id": {"oneOf": [{"type": "integer"}, {"type": "string", "format": "uuid"}]}},
                 "$defs": {"place": {"type": "object", "properties": {"city": {"type": "string"}},
                                     "required": ["city"], "additionalProperties": false}}}
                """);

        assertThat(fitted.strict()).isTrue();
        assertThat(fitted.schema()).isEqualTo(json("""
                {"type": "object",
                 "properties": {
                   "unit": {"type": ["string", "null"], "enum": ["F", "C", null]},
                   "home": {"anyOf": [{"$ref": "#/$defs/place"}, {"type": "null"}]},
                   "id": {"anyOf": [{"type": "integer"}, {"type": "string", "format": "uuid"}, {"type": "null"}]}},
                 "$defs": {"place": {"type": "object", "properties": {"city": {"type": "string"}},
                                     "required": ["city"], "additionalProperties": false}},
                 "required": ["unit", "home", "id"],
                 "additionalProperties": false}
                """));
    }

    @Test
    void keywordsStrictModeRefusesMoveIntoTheDescriptionAndNumberBoundsStay() {
        OpenAiStrictSchema fitted = fit("""
                {"type": "object",
                 "properties": {"age": {"type": "integer", "minimum": 0, "maximum": 120, "default": 30,
                                        "description": "Age in years."}},
                 "required": ["age"], "additionalProperties": false}
                """);

        assertThat(fitted.schema().get("properties").get("age")).isEqualTo(json("{\"type\": \"integer\","
                + " \"minimum\": 0, \"maximum\": 120, \"description\": \"Age in years. (default 30)\"}"));
    }

    @Test
    void structureStrictModeCannotExpressIsSentUnchangedAndNotStrict() {
        String allOf = "{\"type\": \"object\", \"properties\": {\"a\": {\"allOf\": [{\"type\": \"string\"},"
                + " {\"minLength\": 1}]}}, \"required\": [\"a\"], \"additionalProperties\": false}";
        String freeForm = "{\"type\": \"object\", \"properties\": {\"extra\": {\"type\": \"object\"}},"
                + " \"required\": [\"extra\"], \"additionalProperties\": false}";
        StringBuilder deep = new StringBuilder();
        for (int level = 0; level < 11; level++) {
            deep.append("{\"type\": \"object\", \"required\": [\"x\"], \"additionalProperties\": false,"
                    + " \"properties\": {\"x\": ");
        }
        deep.append("{\"type\": \"string\"}").append("}}".repeat(11));

        for (String schema : new String[] {allOf, freeForm, deep.toString()}) {
            OpenAiStrictSchema fitted = fit(schema);
            assertThat(fitted.strict()).as(schema).isFalse();
            assertThat(fitted.schema()).as(schema).isEqualTo(json(schema));
        }
    }
}

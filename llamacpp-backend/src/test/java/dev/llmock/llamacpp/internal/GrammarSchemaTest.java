package dev.llmock.llamacpp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.Json;
import org.junit.jupiter.api.Test;

class GrammarSchemaTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void keepsWhatTheConverterHandlesAndDropsTheRest() throws Exception {
        JsonNode schema = json("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "properties": {
                   "id": {"type": "integer", "minimum": 1, "maximum": 99, "x-llmock-distribution": "normal(5, 1)"},
                   "email": {"type": "string", "format": "email", "maxLength": 40, "examples": ["a@b.c"]},
                   "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
                   "note": {"type": ["string", "null"], "pattern": "[a-z]+", "minLength": 9, "maxLength": 3},
                   "at": {"type": "string", "format": "date-time"},
                   "tags": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}, "maxItems": 4,
                            "uniqueItems": true},
                   "ref": {"$ref": "#/$defs/thing"},
                   "price": {"type": "number", "minimum": 0.5, "multipleOf": 0.5}},
                 "required": ["id", "email", "missing"], "additionalProperties": false,
                 "$defs": {"thing": {"type": "string"}}, "allOf": [{"required": ["code"]}]}
                """);

        assertThat(GrammarSchema.of(schema)).isEqualTo(json("""
                {"type": "object",
                 "properties": {
                   "id": {"type": "integer", "minimum": 1, "maximum": 99},
                   "email": {"type": "string", "maxLength": 40},
                   "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
                   "note": {"type": ["string", "null"]},
                   "at": {"type": "string", "format": "date-time"},
                   "tags": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}, "maxItems": 4},
                   "ref": {},
                   "price": {"type": "number"}},
                 "required": ["id", "email"], "additionalProperties": false}
                """));
    }

    @Test
    void keepsUnionsAndTuplesWithTheirMembersCleaned() throws Exception {
        JsonNode schema = json("""
                {"anyOf": [{"type": "string", "pattern": "^(?:x)$"}, {"type": "null"}],
                 "prefixItems": [{"type": "integer", "exclusiveMinimum": 0}], "enum": [], "type": "wood"}
                """);

        assertThat(GrammarSchema.of(schema)).isEqualTo(json("""
                {"anyOf": [{"type": "string"}, {"type": "null"}],
                 "prefixItems": [{"type": "integer", "exclusiveMinimum": 0}]}
                """));
    }

    @Test
    void leavesOutWhatTheConverterWouldAbortTheJvmOn() throws Exception {
        assertThat(GrammarSchema.of(json("{\"type\":\"string\",\"anyOf\":[{\"maxLength\":2},{\"minLength\":4}]}")))
                .isEqualTo(json("{\"type\":\"string\",\"anyOf\":[{\"type\":\"string\",\"maxLength\":2},"
                        + "{\"type\":\"string\",\"minLength\":4}]}"));
        assertThat(GrammarSchema.of(json("{\"maxLength\":2,\"pattern\":\"^a$\",\"additionalProperties\":true}")))
                .isEqualTo(json("{}"));
        assertThat(GrammarSchema.of(json("{\"properties\":{\"$ref\":{\"type\":\"string\"}}}")))
                .isEqualTo(json("{\"type\":\"object\"}"));
        assertThat(GrammarSchema.of(json("{\"enum\":[{\"$ref\":\"#/$defs/a\"}],\"const\":{\"$ref\":\"#\"}}")))
                .isEqualTo(json("{}"));
        assertThat(GrammarSchema.of(json("{\"required\":[\"a\"]}"))).isEqualTo(json("{}"));
    }
}

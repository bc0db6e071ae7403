package dev.llmock.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.Json;
import org.junit.jupiter.api.Test;

class OptionalNullsTest {
    private static final JsonNode SCHEMA = json("""
            {"type": "object",
             "properties": {
               "name": {"type": "string"},
               "nickname": {"type": "string"},
               "middleName": {"type": ["string", "null"]},
               "home": {"$ref": "#/$defs/place"},
               "places": {"type": "array", "items": {"$ref": "#/$defs/place"}}},
             "required": ["name", "places"],
             "$defs": {"place": {"type": "object",
                                 "properties": {"city": {"type": "string"}, "zip": {"type": "string"}},
                                 "required": ["city"]}}}
            """);

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void nullsOfOptionalPropertiesGoWhileNullsTheShapeAllowsStay() {
        JsonNode answer = json("{\"name\": \"Ada\", \"nickname\": null, \"middleName\": null, \"home\": null,"
                + " \"places\": [{\"city\": \"London\", \"zip\": null}]}");

        assertThat(OptionalNulls.strip(answer, SCHEMA, 1)).isEqualTo(json("{\"name\": \"Ada\","
                + " \"middleName\": null, \"places\": [{\"city\": \"London\"}]}"));
    }

    @Test
    void aNullARequiredPropertyHasStaysForTheValidationToReport() {
        JsonNode answers = json("[{\"name\": null, \"places\": []}, {\"name\": \"Alan\", \"nickname\": null,"
                + " \"places\": []}]");

        assertThat(OptionalNulls.strip(answers, SCHEMA, 2)).isEqualTo(json("[{\"name\": null, \"places\": []},"
                + " {\"name\": \"Alan\", \"places\": []}]"));
    }

    @Test
    void inAValidatorsVerdictTheNullsGoFromTheCorrectedDataAndTheVerdictKeepsItsOwn() {
        JsonNode verdict = json("{\"valid\": false, \"problems\": [{\"pointer\": \"/nickname\", \"reason\": \"x\"}],"
                + " \"corrected\": {\"name\": \"Ada\", \"nickname\": null, \"places\": []}}");
        JsonNode valid = json("{\"valid\": true, \"problems\": [], \"corrected\": null}");

        assertThat(OptionalNulls.stripAnswer(verdict, SCHEMA, 1, true)).isEqualTo(json("{\"valid\": false,"
                + " \"problems\": [{\"pointer\": \"/nickname\", \"reason\": \"x\"}],"
                + " \"corrected\": {\"name\": \"Ada\", \"places\": []}}"));
        assertThat(OptionalNulls.stripAnswer(valid, SCHEMA, 1, true)).isEqualTo(json("{\"valid\": true,"
                + " \"problems\": [], \"corrected\": null}"));
    }
}

package dev.llmock.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;

/** What users read when a JSON Schema shape cannot be read or generated. */
final class Messages {
    private Messages() {
    }

    static String notASchema(JsonNode document) {
        return "A JSON Schema is an object or a boolean, but this is " + ShapeValidator.describe(document)
                + ". Give a schema such as {\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}.";
    }

    static String unreadableSchema(String why) {
        return "The JSON Schema cannot be read: " + why + ". llmock resolves \"$ref\" inside the schema document"
                + " and to the JSON Schema meta-schemas only, and knows drafts 4, 6, 7, 2019-09 and 2020-12"
                + " (\"$schema\"); inline referenced schemas under \"$defs\".";
    }
}

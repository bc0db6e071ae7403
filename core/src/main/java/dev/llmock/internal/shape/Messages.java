package dev.llmock.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** What users read when a shape cannot be read, is too large, or a pattern in it cannot be run. */
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

    static String regexRefused(String regex, String construct) {
        return "The pattern \"" + regex + "\" uses " + construct + ", which llmock does not run: patterns run in linear"
                + " time (RE2 syntax), without backreferences, lookahead or lookbehind. Rewrite the pattern without it.";
    }

    static String regexInvalid(String regex, String problem) {
        return "The pattern \"" + regex + "\" is not a valid regular expression: " + problem + ".";
    }

    static String regexNotRun(String regex, String problem) {
        return "The pattern \"" + regex + "\" cannot be run in linear time: " + problem + ". llmock runs patterns with"
                + " RE2 syntax (ECMA-262 without backreferences, lookaround, possessive or atomic groups).";
    }

    static String tooDeep(int depth, int limit) {
        return "The shape nests " + (depth > limit ? "more than " + limit : String.valueOf(depth)) + " levels deep,"
                + " more than the limit of " + limit + " (" + ShapeLimits.MAX_DEPTH_PROPERTY + "). Flatten the shape,"
                + " or raise the limit.";
    }

    static String tooLarge(int limit) {
        return "The shape has more than " + limit + " parts (values, properties and enum choices; "
                + ShapeLimits.MAX_NODES_PROPERTY + "). Make the shape smaller, or raise the limit.";
    }

    static String expandsTooFar(long values, long limit) {
        return "One record of this shape can hold up to " + (values == Long.MAX_VALUE ? "more than 9e18"
                : String.format(Locale.ROOT, "%,d", values)) + " values (arrays nested in arrays multiply), more than"
                + " the limit of " + String.format(Locale.ROOT, "%,d", limit) + " (" + ShapeLimits.MAX_VALUES_PROPERTY
                + "). Nest fewer arrays, bound them with maxItems, or raise the limit.";
    }
}

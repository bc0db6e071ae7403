package dev.llmock.wiremock.internal.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The template type of a leaf field: from its GraphQL scalar or enum when a schema types it, else guessed from its
 * name ({@code email} an email, {@code createdAt} a date-time, {@code price} a decimal, {@code isActive} a boolean,
 * {@code id} and {@code *Count} whole numbers, the rest text).
 */
final class LeafTypes {
    private static final Set<String> BOOLEANS = Set.of("active", "enabled", "verified", "completed", "available",
            "published", "deleted", "archived", "done", "instock", "visible", "paid", "open", "online");
    private static final Set<String> INTEGERS = Set.of("id", "count", "age", "quantity", "qty", "year", "rank",
            "position", "stock", "level", "size", "page", "version", "votes", "likes", "views");
    private static final Set<String> DECIMALS = Set.of("price", "amount", "cost", "rating", "latitude", "longitude",
            "lat", "lng", "lon", "balance", "salary", "total", "score", "weight", "height", "percentage", "discount",
            "tax", "subtotal");
    private static final Set<String> DATES = Set.of("created", "updated", "timestamp", "time", "datetime");

    private LeafTypes() {
    }

    /** The template type for a leaf named {@code name} without a schema. */
    static JsonNode guess(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.matches("(is|has|can|should)[A-Z].*") || BOOLEANS.contains(lower)) {
            return word("boolean");
        }
        if (lower.contains("email")) {
            return word("email");
        }
        if (lower.endsWith("url") || lower.endsWith("uri") || lower.endsWith("website") || lower.endsWith("link")) {
            return word("url");
        }
        if (lower.equals("uuid") || lower.equals("guid")) {
            return word("uuid");
        }
        if (name.endsWith("At") || DATES.contains(lower)) {
            return word("ISO-8601");
        }
        if (lower.endsWith("date") || lower.equals("birthday") || lower.equals("dob")) {
            return word("date");
        }
        if (INTEGERS.contains(lower) || name.endsWith("Id") || name.endsWith("Count") || name.endsWith("Number")) {
            return word("int");
        }
        if (DECIMALS.contains(lower) || name.endsWith("Price") || name.endsWith("Amount") || name.endsWith("Total")) {
            return word("number");
        }
        return word("string");
    }

    /** The template type for a schema scalar on the leaf {@code name}. */
    static JsonNode scalar(String scalar, String name) {
        switch (scalar) {
            case "Int":
                return word("int");
            case "Float":
                return word("number");
            case "Boolean":
                return word("boolean");
            case "ID":
                return word("string");
            case "String":
                JsonNode guessed = guess(name);
                return List.of("email", "url", "ISO-8601", "date", "uuid").contains(guessed.asText()) ? guessed
                        : word("string");
            default:
                return custom(scalar.toLowerCase(Locale.ROOT));
        }
    }

    /** The template of an enum: its values as {@code A|B|C}. */
    static JsonNode enumeration(List<String> values) {
        // one value twice: a template word without "|" would be read as a type name
        return word(values.size() == 1 ? values.get(0) + "|" + values.get(0) : String.join("|", values));
    }

    /** The template type of a JSON value an argument gives, so that the value fits the field it is echoed onto. */
    static JsonNode of(JsonNode value) {
        if (value.isIntegralNumber()) {
            return word("int");
        }
        if (value.isNumber()) {
            return word("number");
        }
        return word(value.isBoolean() ? "boolean" : "string");
    }

    private static JsonNode custom(String scalar) {
        if (scalar.contains("datetime") || scalar.contains("timestamp") || scalar.equals("instant")) {
            return word("ISO-8601");
        }
        if (scalar.equals("date") || scalar.equals("localdate")) {
            return word("date");
        }
        if (scalar.contains("url") || scalar.contains("uri")) {
            return word("url");
        }
        if (scalar.contains("email")) {
            return word("email");
        }
        if (scalar.equals("uuid")) {
            return word("uuid");
        }
        if (scalar.equals("long") || scalar.equals("bigint") || scalar.equals("short")) {
            return word("int");
        }
        if (scalar.contains("decimal")) {
            return word("number");
        }
        return word("string");
    }

    private static JsonNode word(String type) {
        return TextNode.valueOf(type);
    }
}

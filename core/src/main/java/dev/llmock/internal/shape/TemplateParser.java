package dev.llmock.internal.shape;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.ShapeException;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.BooleanShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads shape text: LLMockApi's template syntax, or JSON Schema when the text looks like one.
 * Template parsing walks the token stream so that every error can name its line and column.
 */
public final class TemplateParser {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
    static final String CACHE_DIRECTIVE = "$cache";
    static final String EXPECTED_VALUE = "a shape value: \"string\", 0, 0.0, true, \"a|b|c\", \"ISO-8601\","
            + " an object or an array with one exemplar element";

    private final String text;

    private TemplateParser(String text) {
        this.text = text;
    }

    public static ParsedShape parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ShapeException("The shape is empty. Expected JSON such as {\"name\":\"string\",\"age\":0}"
                    + " or a JSON Schema.", 1, 1);
        }
        JsonNode tree = readTree(text);
        ShapeLimits.checkTree(tree);
        if (SchemaParser.looksLikeSchema(tree)) {
            return SchemaParser.parse(tree);
        }
        return new TemplateParser(text).parseTemplate();
    }

    private static JsonNode readTree(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonNode tree = Json.MAPPER.readTree(parser);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new ShapeException(malformed(text, at, "expected the end of the shape after one JSON value,"
                        + " but found more text"), at.getLineNr(), at.getColumnNr());
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            throw new ShapeException(malformed(text, at, describeSyntaxError(e.getOriginalMessage())), line, column);
        } catch (IOException e) {
            throw new ShapeException("The shape could not be read: " + e.getMessage());
        }
    }

    private static String describeSyntaxError(String jacksonMessage) {
        // Jackson appends source excerpts and hints on new lines; the first line is the useful part.
        String first = jacksonMessage.lines().findFirst().orElse(jacksonMessage);
        return "invalid JSON: " + first;
    }

    static String malformed(String text, JsonLocation at, String what) {
        if (at == null || at.getLineNr() < 1) {
            return "Malformed shape: " + what + ".";
        }
        StringBuilder message = new StringBuilder("Malformed shape at line ").append(at.getLineNr())
                .append(", column ").append(at.getColumnNr()).append(": ").append(what).append('.');
        String[] lines = text.split("\r?\n", -1);
        if (at.getLineNr() <= lines.length) {
            String line = lines[at.getLineNr() - 1];
            int caret = Math.max(0, Math.min(at.getColumnNr() - 1, line.length()));
            int from = Math.max(0, caret - 60);
            int to = Math.min(line.length(), caret + 20);
            message.append("\n  ").append(line, from, to)
                    .append("\n  ").append(" ".repeat(caret - from)).append('^');
        }
        return message.toString();
    }

    private ParsedShape parseTemplate() {
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.nextToken();
            int[] cache = {1};
            ShapeNode root = value(parser, true, cache);
            ShapeLimits.checkExpansion(root);
            return new ParsedShape(root, cache[0]);
        } catch (IOException e) {
            // readTree already accepted the syntax, so this is unexpected; report it plainly.
            throw new ShapeException("The shape could not be read: " + e.getMessage());
        }
    }

    private ShapeNode value(JsonParser parser, boolean root, int[] cache) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> object(parser, root, cache);
            case START_ARRAY -> array(parser, cache);
            case VALUE_STRING -> typeWord(parser.getText(), parser);
            case VALUE_NUMBER_INT -> NumberShape.integerShape();
            case VALUE_NUMBER_FLOAT -> NumberShape.decimal();
            case VALUE_TRUE, VALUE_FALSE -> new BooleanShape();
            case VALUE_NULL -> throw error(parser, "expected " + EXPECTED_VALUE + ", but found null");
            default -> throw error(parser, "expected " + EXPECTED_VALUE + ", but found " + token.asString());
        };
    }

    private ShapeNode object(JsonParser parser, boolean root, int[] cache) throws IOException {
        Map<String, ShapeNode> properties = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonLocation nameAt = parser.currentTokenLocation();
            parser.nextToken();
            if (name.startsWith("$")) {
                directive(parser, name, root, nameAt, cache);
                continue;
            }
            if (name.isBlank()) {
                throw error(nameAt, "expected a property name, but found an empty one");
            }
            if (properties.containsKey(name)) {
                throw error(nameAt, "the property \"" + name + "\" appears twice in one object");
            }
            properties.put(name, value(parser, false, cache));
        }
        return new ObjectShape(properties, properties.keySet(), null);
    }

    private void directive(JsonParser parser, String name, boolean root, JsonLocation at, int[] cache)
            throws IOException {
        if (!CACHE_DIRECTIVE.equals(name)) {
            throw error(at, "unknown directive \"" + name + "\"; the only directive is \"$cache\""
                    + " (property names may not start with $)");
        }
        if (!root) {
            throw error(at, "\"$cache\" belongs at the top level of the shape, not inside a nested object");
        }
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() < 1) {
            throw error(parser, "expected \"$cache\" to be a whole number of variants of at least 1, but found "
                    + parser.getText());
        }
        cache[0] = parser.getIntValue();
    }

    private ShapeNode array(JsonParser parser, int[] cache) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        if (parser.nextToken() == JsonToken.END_ARRAY) {
            throw error(start, "expected an array with one exemplar element such as [\"string\"], but it is empty");
        }
        ShapeNode item = value(parser, false, cache);
        // Further elements are examples of the same item; the first one defines the shape.
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
        }
        return new ArrayShape(item, null, null, false);
    }

    private ShapeNode typeWord(String word, JsonParser parser) {
        String normalized = word.trim().toLowerCase(Locale.ROOT);
        ShapeNode directive = Directives.parse(word, message -> error(parser, message));
        if (directive != null) {
            return directive;
        }
        if (word.contains("|")) {
            Set<String> values = new LinkedHashSet<>();
            for (String option : word.split("\\|", -1)) {
                String trimmed = option.trim();
                if (trimmed.isEmpty()) {
                    throw error(parser, "expected enum values separated by |, such as \"active|inactive\","
                            + " but \"" + word + "\" has an empty one");
                }
                values.add(trimmed);
            }
            return StringShape.oneOf(List.copyOf(values));
        }
        return switch (normalized) {
            case "string", "str", "text" -> StringShape.plain();
            case "iso-8601", "iso8601", "date-time", "datetime", "timestamp" -> StringShape.format("date-time");
            case "date" -> StringShape.format("date");
            case "email" -> StringShape.format("email");
            case "uuid", "guid" -> StringShape.format("uuid");
            case "uri", "url" -> StringShape.format("uri");
            case "int", "integer" -> NumberShape.integerShape();
            case "number", "decimal", "float", "double" -> NumberShape.decimal();
            case "bool", "boolean" -> new BooleanShape();
            default -> new StringShape(null, List.of(), null, null, null, ShapeNode.Temporal.ANY, word);
        };
    }

    private ShapeException error(JsonParser parser, String what) {
        return error(parser.currentTokenLocation(), what);
    }

    private ShapeException error(JsonLocation at, String what) {
        return new ShapeException(malformed(text, at, what), at.getLineNr(), at.getColumnNr());
    }
}

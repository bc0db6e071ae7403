package dev.llmock.internal.backend;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.Json;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON in a model's answer. Models asked for bare JSON still wrap it in Markdown fences or a sentence of
 * prose ("Here is the data: ..."); this takes the first whole JSON value out of either.
 */
public final class JsonText {
    private static final Pattern FENCE = Pattern.compile("```[A-Za-z0-9_-]*\\s*\\n?(.*?)```", Pattern.DOTALL);

    private JsonText() {
    }

    /** The JSON value in {@code text}, or empty when there is none that parses. */
    public static Optional<JsonNode> extract(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        Optional<JsonNode> whole = parseWhole(trimmed);
        if (whole.isPresent()) {
            return whole;
        }
        Matcher fence = FENCE.matcher(trimmed);
        while (fence.find()) {
            Optional<JsonNode> fenced = parseWhole(fence.group(1).strip());
            if (fenced.isPresent()) {
                return fenced;
            }
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '{' || c == '[') {
                Optional<JsonNode> first = parseFirst(trimmed.substring(i));
                if (first.isPresent()) {
                    return first;
                }
            }
        }
        return Optional.empty();
    }

    /** Why {@code text} does not parse, in the parser's words, for messages. */
    public static String problem(String text) {
        try {
            Json.MAPPER.readTree(text == null ? "" : text);
            return "no JSON value found";
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage().lines().findFirst().orElse("not JSON");
        }
    }

    private static Optional<JsonNode> parseWhole(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The first JSON value at the start of {@code text}, ignoring what follows it (closing prose). */
    private static Optional<JsonNode> parseFirst(String text) {
        try (JsonParser parser = Json.MAPPER.createParser(text)) {
            JsonNode node = Json.MAPPER.readTree(parser);
            return node == null || node.isMissingNode() || !node.isContainerNode() ? Optional.empty()
                    : Optional.of(node);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

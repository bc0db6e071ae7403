package dev.llmock.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.ConfigException;
import dev.llmock.LlmockConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code cassettes} section of {@code llmock.json} into {@link LlmockConfig.CassettesSection}, strict about
 * unknown keys (except in LLMockApi's lenient format) and about every value.
 */
final class CassettesSectionReader {
    static final List<String> KEYS = List.of("directory", "maxAge", "redact", "ignore");

    private CassettesSectionReader() {
    }

    /** The section, or {@link LlmockConfig.CassettesSection#NONE} when {@code node} is null or JSON null. */
    static LlmockConfig.CassettesSection read(JsonNode node, String source, boolean lenient) {
        if (node == null || node.isNull()) {
            return LlmockConfig.CassettesSection.NONE;
        }
        if (!lenient) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String key = names.next();
                if (!KEYS.contains(key)) {
                    throw new ConfigException(Messages.unknownCassettesKey(source, key));
                }
            }
        }
        return new LlmockConfig.CassettesSection(directory(node.get("directory"), source),
                maxAge(node.get("maxAge"), source), redact(node.get("redact"), source),
                ignore(node.get("ignore"), source));
    }

    private static Path directory(JsonNode value, String source) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ConfigException(Messages.badCassettesValue(source, "directory", "a path as a string"));
        }
        try {
            return Path.of(value.asText());
        } catch (InvalidPathException e) {
            throw new ConfigException(Messages.badCassettesValue(source, "directory", "a path as a string"), e);
        }
    }

    private static Duration maxAge(JsonNode value, String source) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            Duration parsed = Duration.parse(value.asText());
            if (parsed.isNegative() || parsed.isZero()) {
                throw new ConfigException(Messages.badMaxAge(source, value.asText()));
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new ConfigException(Messages.badMaxAge(source, value.asText()), e);
        }
    }

    private static List<String> ignore(JsonNode value, String source) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new ConfigException(Messages.badCassettesValue(source, "ignore", "an array of " + IgnoreEntry.EXPECTED));
        }
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode entry = value.get(i);
            try {
                if (!entry.isTextual()) {
                    throw new IllegalArgumentException("not a string");
                }
                IgnoreEntry.parse(entry.asText());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(Messages.badIgnoreEntry(source, i, entry.isTextual() ? entry.asText()
                        : entry.toString()), e);
            }
            entries.add(entry.asText().trim());
        }
        return entries;
    }

    private static List<String> redact(JsonNode value, String source) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new ConfigException(Messages.badCassettesValue(source, "redact", "an array of regular expressions"));
        }
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String pattern = value.get(i).asText();
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(Messages.badRedactPattern(source, i, pattern, e.getDescription()), e);
            }
            patterns.add(pattern);
        }
        return patterns;
    }
}

package dev.llmock.internal.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.shape.EcmaRegex;
import dev.llmock.internal.shape.SchemaIndex.Located;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * A string for a JSON Schema: of its {@code format} when llmock knows it, else from its {@code pattern}s, else
 * chosen by the field name; always within {@code minLength} and {@code maxLength} (counted in code points).
 */
final class SchemaStrings {
    private static final List<String> PLAIN = List.of("", "a", "ab", "abc", "1", "12", "x1", "A", "aaaa");

    private final Faker faker;
    private final Random random;
    private final RecordContext record;

    SchemaStrings(Faker faker, Random random, RecordContext record) {
        this.faker = faker;
        this.random = random;
        this.record = record;
    }

    String string(Conjunction conjunction, String name, ObjectKind kind, NamedValues.AddressHolder address,
                  String at) {
        Integer min = null;
        Integer max = null;
        for (Map.Entry<Located, JsonNode> each : conjunction.values("minLength")) {
            min = min == null ? each.getValue().asInt() : Math.max(min, each.getValue().asInt());
        }
        for (Map.Entry<Located, JsonNode> each : conjunction.values("maxLength")) {
            max = max == null ? each.getValue().asInt() : Math.min(max, each.getValue().asInt());
        }
        if (min != null && max != null && min > max) {
            throw new Unsatisfied("minLength", at, at, "minLength " + min + " is above maxLength " + max);
        }
        List<Map.Entry<Located, JsonNode>> patterns = new ArrayList<>();
        for (Map.Entry<Located, JsonNode> each : conjunction.values("pattern")) {
            if (each.getValue().isTextual()) {
                patterns.add(each);
            }
        }
        String format = conjunction.values("format").stream().map(e -> e.getValue().asText(null))
                .filter(f -> f != null).findFirst().orElse(null);
        boolean future = conjunction.values("x-llmock-time").stream()
                .anyMatch(e -> "future".equals(e.getValue().asText()));
        Check check = new Check(min, max, patterns);
        List<String> tries = new ArrayList<>();
        if (format != null) {
            String formatted = FormatValues.value(format, name, future, faker, record);
            tries.add(formatted == null ? null : SyntheticGenerator.fitFormatted(formatted, format, max));
        }
        String named = name.isEmpty() ? null : NamedValues.string(name, kind, faker, record, address);
        // The field's own kind of value first (a zip code for "zip"), when it fits the patterns as it is.
        tries.add(named);
        for (Map.Entry<Located, JsonNode> pattern : patterns) {
            for (int i = 0; i < 3; i++) {
                tries.add(fromPattern(pattern.getValue().asText()));
            }
        }
        String words = named != null ? named : faker.lorem().word() + " " + faker.lorem().word();
        tries.add(words);
        tries.add(fit(words, min, max));
        tries.addAll(PLAIN);
        for (String candidate : tries) {
            if (candidate != null && check.fits(candidate)) {
                return candidate;
            }
        }
        if (!patterns.isEmpty()) {
            Map.Entry<Located, JsonNode> first = patterns.get(0);
            throw new Unsatisfied("pattern", first.getKey().pointer() + "/pattern", at, "llmock could not make a"
                    + " string that matches " + first.getValue().asText() + (min != null || max != null
                    ? " with a length of " + (min == null ? 0 : min) + " to " + (max == null ? "any" : max) : ""));
        }
        throw new Unsatisfied("maxLength", at, at, "no string fits the lengths");
    }

    /** A string matching the ECMA-262 {@code pattern}, or null when Datafaker cannot invert it. */
    String fromPattern(String pattern) {
        String regex = EcmaRegex.toJava(pattern);
        regex = regex.startsWith("^") ? regex.substring(1) : regex;
        if (regex.endsWith("\\z")) {
            regex = regex.substring(0, regex.length() - 2);
        }
        try {
            String text = faker.regexify(regex);
            return EcmaRegex.finds(pattern, text) ? text : null;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private String fit(String text, Integer min, Integer max) {
        StringBuilder result = new StringBuilder(text);
        while (min != null && result.codePointCount(0, result.length()) < min) {
            result.append(' ').append(faker.lorem().word());
        }
        if (max != null && result.codePointCount(0, result.length()) > max) {
            String cut = result.substring(0, result.offsetByCodePoints(0, max));
            String stripped = cut.stripTrailing();
            return min != null && stripped.codePointCount(0, stripped.length()) < min ? cut : stripped;
        }
        return result.toString();
    }

    /** Whether a string fits the lengths and every pattern. */
    private record Check(Integer min, Integer max, List<Map.Entry<Located, JsonNode>> patterns) {
        boolean fits(String text) {
            int length = text.codePointCount(0, text.length());
            if (min != null && length < min || max != null && length > max) {
                return false;
            }
            for (Map.Entry<Located, JsonNode> pattern : patterns) {
                try {
                    if (!EcmaRegex.finds(pattern.getValue().asText(), text)) {
                        return false;
                    }
                } catch (RuntimeException e) {
                    return false;
                }
            }
            return true;
        }
    }

    Random random() {
        return random;
    }
}

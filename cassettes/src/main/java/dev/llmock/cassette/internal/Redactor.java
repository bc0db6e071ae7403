package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets with {@value #REDACTED} before anything is written: values of keys named like credentials, strings
 * that look like provider keys or bearer tokens, and the user's own patterns.
 */
final class Redactor {
    static final String REDACTED = "<redacted>";

    /** Key names (lower case, without {@code -} and {@code _}) whose values are secrets, matched as suffixes. */
    private static final List<String> SECRET_KEY_SUFFIXES = List.of("apikey", "authorization", "password", "passwd",
            "secret", "token", "privatekey", "accesskey", "cookie", "credentials");

    /** What provider keys and tokens look like; group 1, when present, is kept. */
    private static final List<Pattern> SECRET_VALUES = List.of(
            Pattern.compile("(?<![A-Za-z0-9])sk-[A-Za-z0-9_\\-]{8,}"),          // OpenAI, Anthropic (sk-ant-), DeepSeek
            Pattern.compile("(?i)(\\bBearer\\s+)[A-Za-z0-9\\-._~+/]+=*"),
            Pattern.compile("(?i)(\\bBasic\\s+)[A-Za-z0-9+/]{8,}=*"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),                         // AWS access key id
            Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{35}"),                      // Google API key
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),                   // GitHub token
            Pattern.compile("\\bxox[abprs]-[A-Za-z0-9\\-]{10,}"),               // Slack token
            Pattern.compile("(?i)([?&](?:api[_-]?key|key|token|access[_-]?token)=)[^&\\s\"]+"));

    private final List<Pattern> userPatterns;

    Redactor(List<Pattern> userPatterns) {
        this.userPatterns = List.copyOf(userPatterns);
    }

    /** A copy of {@code node} with secret-named keys' values and secret-looking strings redacted. */
    JsonNode redact(JsonNode node) {
        return node == null ? null : redact(node.deepCopy(), false);
    }

    /** A copy of {@code node} with only secret-looking strings redacted; key names are left alone (for schemas). */
    JsonNode redactStrings(JsonNode node) {
        return node == null ? null : strings(node.deepCopy());
    }

    String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Pattern pattern : SECRET_VALUES) {
            result = replace(pattern, result, true);
        }
        for (Pattern pattern : userPatterns) {
            result = replace(pattern, result, false);
        }
        return result;
    }

    /** True when a value under this key name is a secret: {@code apiKey}, {@code X-Api-Key}, {@code access_token}... */
    static boolean isSecretKey(String name) {
        String normalized = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (String suffix : SECRET_KEY_SUFFIXES) {
            if (normalized.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode redact(JsonNode node, boolean secret) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, redact(object.get(name), secret || isSecretKey(name)));
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redact(array.get(i), secret));
            }
            return array;
        }
        if (secret && (node.isTextual() || node.isNumber()) && !node.asText().isEmpty()) {
            return TextNode.valueOf(REDACTED);
        }
        return node.isTextual() ? TextNode.valueOf(redact(node.textValue())) : node;
    }

    private JsonNode strings(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(strings(field.getValue()));
            }
            return node;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, strings(array.get(i)));
            }
            return array;
        }
        return node.isTextual() ? TextNode.valueOf(redact(node.textValue())) : node;
    }

    private static String replace(Pattern pattern, String text, boolean keepPrefix) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder result = new StringBuilder();
        do {
            String kept = keepPrefix && matcher.groupCount() >= 1 && matcher.group(1) != null ? matcher.group(1) : "";
            matcher.appendReplacement(result, Matcher.quoteReplacement(kept + REDACTED));
        } while (matcher.find());
        matcher.appendTail(result);
        return result.toString();
    }
}

package dev.llmock.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmock.BackendConfig;
import dev.llmock.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} and {@code ${VAR:-default}} in the values of a backend that reach its provider ({@code baseUrl},
 * {@code model}, {@code apiKey}, and the string values of the provider's own keys, such as {@code llamacpp}'s), resolved
 * when the backend is first used live, never when {@code llmock.json} is read: replaying a cassette needs no secret. {@code VAR} is read from the system property {@code VAR}, else the
 * environment variable {@code VAR}; blank counts as unset, and then the default applies, else the backend fails,
 * naming the variable and the backend. Values are never shown: messages name variables only.
 */
public final class Placeholders {
    /** The backend keys whose placeholders are resolved, besides a provider's own keys. */
    public static final List<String> KEYS = List.of("baseUrl", "model", "apiKey");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(?::-([^}]*))?}");
    private static final Pattern ANY = Pattern.compile("\\$\\{");

    private final Function<String, String> properties;
    private final Function<String, String> env;

    public Placeholders(Function<String, String> properties, Function<String, String> env) {
        this.properties = properties;
        this.env = env;
    }

    /** Placeholders read from this JVM's system properties, then its environment. */
    public static Placeholders system() {
        return new Placeholders(System::getProperty, System::getenv);
    }

    /** Whether {@code text} holds a {@code ${...}}. */
    static boolean present(String text) {
        return text != null && ANY.matcher(text).find();
    }

    /** The part of {@code text} that is not a well-formed placeholder, or null when every {@code ${} opens one. */
    static String malformed(String text) {
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        int at = rest.indexOf("${");
        return at < 0 ? null : rest.substring(at);
    }

    /**
     * {@code backend} with the placeholders in {@code baseUrl}, {@code model}, {@code apiKey} and its string options
     * replaced.
     *
     * @param source where the configuration came from, for messages
     * @throws ConfigException naming the variable and the backend when a variable without default is unset, or when
     *                         the resolved {@code baseUrl} is not an http(s) URL (shown as written)
     */
    public BackendConfig resolve(BackendConfig backend, String source) {
        String baseUrl = resolve(backend, "baseUrl", backend.baseUrl(), source);
        if (present(backend.baseUrl())) {
            BaseUrl.check(baseUrl, backend.baseUrl(), source + ": the baseUrl of backend \"" + backend.name() + "\"");
        }
        Map<String, JsonNode> options = new LinkedHashMap<>();
        backend.options().forEach((key, value) -> options.put(key, value.isTextual()
                ? TextNode.valueOf(resolve(backend, key, value.asText(), source)) : value));
        return new BackendConfig(backend.name(), backend.provider(), baseUrl,
                resolve(backend, "model", backend.model(), source),
                resolve(backend, "apiKey", backend.apiKey(), source), backend.maxTokens(), backend.enabled(),
                backend.weight(), backend.maxConcurrentRequests(), backend.fallback(), backend.costPer1kInputTokens(),
                backend.costPer1kOutputTokens(), backend.timeoutSeconds(), options);
    }

    private String resolve(BackendConfig backend, String key, String text, String source) {
        if (!present(text)) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String value = lookup(variable);
            if (value == null) {
                value = matcher.group(2);
            }
            if (value == null) {
                throw new ConfigException(Messages.unsetVariable(source, backend.name(), backend.provider(), key,
                        variable));
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private String lookup(String variable) {
        String property = properties.apply(variable);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String fromEnv = env.apply(variable);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }
}

package dev.llmock.internal.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.BackendConfig;
import dev.llmock.ConfigException;
import dev.llmock.LlmockConfig;
import dev.llmock.internal.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses {@code llmock.json} (camelCase, strict about unknown keys) and LLMockApi's {@code MockLlmApi} file
 * (PascalCase, lenient: LLMockApi has many settings llmock has no use for).
 *
 * <p>Longer than llmock's other classes (about 400 lines) because it is the one place every top-level and backend key
 * is checked, each beside the value it checks; the {@code cassettes} section has its own reader.
 */
public final class ConfigReader {
    public static final Set<String> PROVIDERS = Set.of("openai", "ollama", "anthropic", "synthetic");
    private static final Map<String, String> PROVIDER_ALIASES = Map.of("lmstudio", "openai", "lm-studio", "openai");
    private static final Map<String, String> DEFAULT_URLS = Map.of(
            "openai", "https://api.openai.com/v1",
            "ollama", "http://localhost:11434",
            "anthropic", "https://api.anthropic.com");
    private static final Set<String> TIERS = Set.of("simple", "medium", "complex");

    private static final List<String> TOP_KEYS = List.of("temperature", "timeoutSeconds", "defaultBackend", "backends",
            "routing", "retry", "circuitBreaker", "limits", "cassettes");
    private static final List<String> BACKEND_KEYS = List.of("name", "provider", "baseUrl", "model", "apiKey",
            "maxTokens", "enabled", "weight", "maxConcurrentRequests", "fallback", "costPer1kInputTokens",
            "costPer1kOutputTokens", "timeoutSeconds");

    private final String source;
    private final boolean lenient;
    private final ProviderCatalog providers;

    private ConfigReader(String source, boolean lenient, ProviderCatalog providers) {
        this.source = source;
        this.lenient = lenient;
        this.providers = providers;
    }

    /**
     * Reads and checks configuration text; {@code source} names it in messages. {@code ${VAR}} placeholders are kept
     * as written: {@link Placeholders} resolves them when a backend is first used live.
     */
    public static LlmockConfig read(String json, String source) {
        return read(json, source, ProviderCatalog.installed());
    }

    /** Reads with the providers of {@code providers} allowed, each with its extra keys. */
    public static LlmockConfig read(String json, String source, ProviderCatalog providers) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ConfigException(source + " is not valid JSON at line " + (at == null ? "?" : at.getLineNr())
                    + ", column " + (at == null ? "?" : at.getColumnNr()) + ": "
                    + withoutBareWord(e.getOriginalMessage().lines().findFirst().orElse("")) + ". Fix the file, or point "
                    + LlmockConfig.CONFIG_PROPERTY + " at another one.", e);
        }
        return read(root, source, providers);
    }

    /**
     * Reads a configuration already parsed, or written in code by {@code LlmockConfig.newBuilder()}: the same checks
     * as for a file.
     */
    public static LlmockConfig read(JsonNode root, String source) {
        return read(root, source, ProviderCatalog.installed());
    }

    /** As {@link #read(JsonNode, String)}, with the providers of {@code providers} allowed. */
    public static LlmockConfig read(JsonNode root, String source, ProviderCatalog providers) {
        if (root == null || !root.isObject()) {
            throw new ConfigException(source + " must hold a JSON object such as {\"backends\": [...]}.");
        }
        JsonNode llmockApi = field(root, "MockLlmApi", true);
        if (llmockApi != null) {
            if (!llmockApi.isObject()) {
                throw new ConfigException(source + ": \"MockLlmApi\" must be an object.");
            }
            return new ConfigReader(source, true, providers).config((ObjectNode) llmockApi, "MockLlmApi.");
        }
        return new ConfigReader(source, false, providers).config((ObjectNode) root, "");
    }

    /** Jackson quotes an unquoted word in full, and that word may be a pasted API key: never show it. */
    private static String withoutBareWord(String jacksonMessage) {
        return jacksonMessage.replaceFirst("^Unrecognized token '[^']*'", "Unrecognized token (a bare word, not shown;"
                + " strings need double quotes)");
    }

    private LlmockConfig config(ObjectNode root, String prefix) {
        checkKeys(root, prefix.isEmpty() ? "(top level)" : prefix.substring(0, prefix.length() - 1), TOP_KEYS);
        Double temperature = decimal(root, "temperature", prefix, 0, 2);
        Integer timeout = integer(root, "timeoutSeconds", prefix, 1, 3600);
        String defaultBackend = text(root, "defaultBackend", prefix);

        JsonNode list = field(root, "backends", lenient);
        if (list == null && lenient) {
            list = field(root, "LlmBackends", true);
        }
        List<BackendConfig> backends = new ArrayList<>();
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw bad(prefix + "backends", list, "an array of backend objects");
            }
            for (int i = 0; i < list.size(); i++) {
                backends.add(backend(list.get(i), prefix + "backends[" + i + "]"));
            }
        }
        checkDuplicates(backends, prefix);
        FallbackCycles.check(backends, prefix, source);

        LlmockConfig.Retry retry = retry(root, prefix);
        LlmockConfig.CircuitBreaker breaker = circuitBreaker(root, prefix);
        LlmockConfig.Limits limits = limits(root, prefix);
        Map<String, String> routing = routing(root, prefix, backends);
        if (defaultBackend != null) {
            requireKnown(defaultBackend, prefix + "defaultBackend", backends);
        }
        JsonNode cassettes = field(root, "cassettes", lenient);
        if (cassettes != null && !cassettes.isNull() && !cassettes.isObject()) {
            throw bad(prefix + "cassettes", cassettes, "an object such as {\"maxAge\": \"P30D\"}");
        }
        return new LlmockConfig(temperature, timeout, defaultBackend, backends, routing, retry, breaker, limits,
                CassettesSectionReader.read(cassettes, source, lenient), source);
    }

    private BackendConfig backend(JsonNode node, String at) {
        if (!node.isObject()) {
            throw bad(at, node, "an object such as {\"name\": \"fast\", \"provider\": \"ollama\"}");
        }
        ObjectNode backend = (ObjectNode) node;
        JsonNode enabledNode = field(backend, "enabled", lenient);
        boolean enabled = enabledNode == null || enabledNode.isNull() || enabledNode.asBoolean(true);
        String name = text(backend, "name", at + ".");
        if (name == null || name.isBlank()) {
            throw new ConfigException(source + ": " + at + ".name is missing. Every backend needs a name that tests"
                    + " refer to, such as \"fast\".");
        }
        String provider = text(backend, "provider", at + ".");
        provider = provider == null ? null : provider.toLowerCase(Locale.ROOT);
        provider = provider == null ? null : PROVIDER_ALIASES.getOrDefault(provider, provider);
        if (provider == null || !providers.knows(provider)) {
            String module = provider == null ? null : ProviderCatalog.moduleOf(provider);
            throw new ConfigException(source + ": " + at + ".provider is " + (provider == null ? "missing"
                    : "\"" + provider + "\"") + "; allowed values: " + providers.names()
                    + " (lmstudio is an alias of openai)." + (module == null ? ""
                    : " Provider " + provider + " comes with " + module + ": add it to the class path."));
        }
        List<String> keys = new ArrayList<>(BACKEND_KEYS);
        new TreeSet<>(providers.optionKeys(provider)).forEach(keys::add);
        checkKeys(backend, at, keys);
        String baseUrl = livePart(backend, "baseUrl", at + ".");
        if (baseUrl == null) {
            baseUrl = DEFAULT_URLS.get(provider);
        } else if (!Placeholders.present(baseUrl)) {
            BaseUrl.check(baseUrl, baseUrl, source + ": " + at + ".baseUrl");
        }
        String model = livePart(backend, "model", at + ".");
        if (model == null && lenient) {
            model = livePart(backend, "ModelName", at + ".");
        }
        String apiKey = livePart(backend, "apiKey", at + ".");
        Integer maxTokens = integer(backend, "maxTokens", at + ".", 1, 10_000_000);
        Integer weight = integer(backend, "weight", at + ".", 1, 1_000_000);
        Integer concurrency = integer(backend, "maxConcurrentRequests", at + ".", 1, 10_000);
        String fallback = text(backend, "fallback", at + ".");
        Double costIn = decimal(backend, "costPer1kInputTokens", at + ".", 0, 1_000_000);
        Double costOut = decimal(backend, "costPer1kOutputTokens", at + ".", 0, 1_000_000);
        Integer timeout = integer(backend, "timeoutSeconds", at + ".", 1, 3600);
        return new BackendConfig(name, provider, baseUrl, model, apiKey, maxTokens, enabled,
                weight == null ? 1 : weight, concurrency, fallback, costIn, costOut, timeout,
                options(backend, providers.optionKeys(provider), at + "."));
    }

    /**
     * The provider's own keys as written; their factory checks the values. Placeholders in strings stay, like those
     * of {@code model}, until the backend is first used live.
     */
    private Map<String, JsonNode> options(ObjectNode backend, Set<String> keys, String prefix) {
        Map<String, JsonNode> options = new LinkedHashMap<>();
        for (String key : keys) {
            JsonNode value = field(backend, key, lenient);
            if (value != null && value.isTextual()) {
                livePart(backend, key, prefix);
            }
            if (value != null) {
                options.put(key, value);
            }
        }
        return options;
    }

    private void checkDuplicates(List<BackendConfig> backends, String prefix) {
        for (int i = 0; i < backends.size(); i++) {
            for (int j = 0; j < i; j++) {
                BackendConfig a = backends.get(j);
                BackendConfig b = backends.get(i);
                if (a.name().equals(b.name()) && a.provider().equals(b.provider())
                        && Objects.equals(a.baseUrl(), b.baseUrl()) && Objects.equals(a.model(), b.model())) {
                    throw new ConfigException(source + ": " + prefix + "backends[" + i + "].name \"" + b.name()
                            + "\" duplicates " + prefix + "backends[" + j + "] (same provider, baseUrl and model)."
                            + " Remove one, or give them different models or URLs to pool them under one name.");
                }
            }
        }
        for (int i = 0; i < backends.size(); i++) {
            String fallback = backends.get(i).fallback();
            if (fallback != null) {
                requireKnown(fallback, prefix + "backends[" + i + "].fallback", backends);
            }
        }
    }

    private Map<String, String> routing(ObjectNode root, String prefix, List<BackendConfig> backends) {
        JsonNode node = field(root, "routing", lenient);
        Map<String, String> routing = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return routing;
        }
        if (!node.isObject()) {
            throw bad(prefix + "routing", node, "an object such as {\"simple\": \"fast\", \"medium\": \"quality\","
                    + " \"complex\": \"premium\"}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tier = it.next();
            String key = prefix + "routing." + tier.getKey();
            if (!TIERS.contains(tier.getKey())) {
                throw new ConfigException(source + ": " + key + " is not a routing tier; allowed: "
                        + new TreeSet<>(TIERS) + ".");
            }
            if (!tier.getValue().isTextual()) {
                throw bad(key, tier.getValue(), "the name of a configured backend");
            }
            requireKnown(tier.getValue().asText(), key, backends);
            routing.put(tier.getKey(), tier.getValue().asText());
        }
        return routing;
    }

    private LlmockConfig.Retry retry(ObjectNode root, String prefix) {
        LlmockConfig.Retry retry = LlmockConfig.Retry.DEFAULT;
        if (lenient) {
            Integer attempts = integer(root, "MaxRetryAttempts", prefix, 1, 100);
            JsonNode enabled = field(root, "EnableRetryPolicy", true);
            int maxAttempts = enabled != null && !enabled.asBoolean(true) ? 1
                    : attempts == null ? retry.maxAttempts() : attempts;
            return new LlmockConfig.Retry(maxAttempts, retry.baseDelayMs(), retry.maxDelayMs());
        }
        JsonNode node = section(root, "retry", prefix, List.of("maxAttempts", "baseDelayMs", "maxDelayMs"));
        if (node == null) {
            return retry;
        }
        Integer attempts = integer(node, "maxAttempts", prefix + "retry.", 1, 100);
        Integer base = integer(node, "baseDelayMs", prefix + "retry.", 0, 600_000);
        Integer max = integer(node, "maxDelayMs", prefix + "retry.", 0, 3_600_000);
        return new LlmockConfig.Retry(attempts == null ? retry.maxAttempts() : attempts,
                base == null ? retry.baseDelayMs() : base, max == null ? retry.maxDelayMs() : max);
    }

    private LlmockConfig.CircuitBreaker circuitBreaker(ObjectNode root, String prefix) {
        LlmockConfig.CircuitBreaker breaker = LlmockConfig.CircuitBreaker.DEFAULT;
        if (lenient) {
            JsonNode enabled = field(root, "EnableCircuitBreaker", true);
            return new LlmockConfig.CircuitBreaker(enabled == null || enabled.asBoolean(true),
                    breaker.failureThreshold(), breaker.openSeconds());
        }
        JsonNode node = section(root, "circuitBreaker", prefix, List.of("enabled", "failureThreshold", "openSeconds"));
        if (node == null) {
            return breaker;
        }
        Integer threshold = integer(node, "failureThreshold", prefix + "circuitBreaker.", 1, 1000);
        Integer open = integer(node, "openSeconds", prefix + "circuitBreaker.", 1, 86_400);
        return new LlmockConfig.CircuitBreaker(node.path("enabled").asBoolean(true),
                threshold == null ? breaker.failureThreshold() : threshold, open == null ? breaker.openSeconds() : open);
    }

    private LlmockConfig.Limits limits(ObjectNode root, String prefix) {
        JsonNode node = section(root, "limits", prefix, List.of("maxStringLength", "maxArrayItems"));
        if (node == null) {
            return LlmockConfig.Limits.DEFAULT;
        }
        Integer strings = integer(node, "maxStringLength", prefix + "limits.", 1, 1_000_000);
        Integer arrays = integer(node, "maxArrayItems", prefix + "limits.", 1, 100_000);
        return new LlmockConfig.Limits(strings == null ? LlmockConfig.Limits.DEFAULT.maxStringLength() : strings,
                arrays == null ? LlmockConfig.Limits.DEFAULT.maxArrayItems() : arrays);
    }

    private JsonNode section(ObjectNode root, String key, String prefix, List<String> keys) {
        JsonNode node = field(root, key, lenient);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw bad(prefix + key, node, "an object with " + keys);
        }
        checkKeys((ObjectNode) node, prefix + key, keys);
        return node;
    }

    private void requireKnown(String name, String key, List<BackendConfig> backends) {
        boolean known = LlmockConfig.SYNTHETIC.equals(name) || backends.stream().anyMatch(b -> b.name().equals(name));
        if (!known) {
            Set<String> names = new TreeSet<>();
            backends.forEach(b -> names.add(b.name()));
            names.add(LlmockConfig.SYNTHETIC);
            throw new ConfigException(source + ": " + key + " is \"" + name + "\", which is not a configured backend;"
                    + " allowed values: " + names + ".");
        }
    }

    private void checkKeys(ObjectNode node, String at, List<String> allowed) {
        if (lenient) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ConfigException(source + ": unknown key \"" + name + "\" in " + at + "; allowed keys: "
                        + allowed + ".");
            }
        }
    }

    /** A string that llmock itself reads: placeholders are not resolved here, so they are rejected. */
    private String text(JsonNode node, String key, String prefix) {
        String value = string(node, key, prefix);
        if (Placeholders.present(value)) {
            throw new ConfigException(Messages.placeholderNotResolvedHere(source, prefix + key, value));
        }
        return value;
    }

    /**
     * A string that reaches the provider ({@link Placeholders#KEYS}): kept as written, placeholders and all, which
     * must be well-formed; the API key is never shown.
     */
    private String livePart(JsonNode node, String key, String prefix) {
        String value = string(node, key, prefix);
        String malformed = value == null ? null : Placeholders.malformed(value);
        if (malformed != null) {
            boolean secret = key.toLowerCase(Locale.ROOT).contains("apikey");
            throw new ConfigException(Messages.malformedPlaceholder(source, prefix + key, secret ? null : malformed));
        }
        return value;
    }

    private String string(JsonNode node, String key, String prefix) {
        JsonNode value = field(node, key, lenient);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw bad(prefix + key, value, "a string");
        }
        return value.asText();
    }

    private Integer integer(JsonNode node, String key, String prefix, long min, long max) {
        JsonNode value = field(node, key, lenient);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw bad(prefix + key, value, "a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    private Double decimal(JsonNode node, String key, String prefix, double min, double max) {
        JsonNode value = field(node, key, lenient);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw bad(prefix + key, value, "a number from " + min + " to " + max);
        }
        return value.asDouble();
    }

    private ConfigException bad(String key, JsonNode value, String expected) {
        String shown = key.toLowerCase(Locale.ROOT).contains("apikey") ? "<redacted>" : value.toString();
        return new ConfigException(source + ": " + key + " is " + shown + "; expected " + expected + ".");
    }

    /** In LLMockApi files keys are PascalCase; llmock's own keys are matched exactly. */
    private static JsonNode field(JsonNode node, String key, boolean ignoreCase) {
        JsonNode exact = node.get(key);
        if (exact != null || !ignoreCase) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }
}

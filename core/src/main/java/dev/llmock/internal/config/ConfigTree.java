package dev.llmock.internal.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.BackendConfig;
import dev.llmock.LlmockConfig;
import dev.llmock.internal.Json;

/**
 * A configuration set in code, written as the {@code llmock.json} it stands for, so that {@link ConfigReader} checks
 * it exactly as it checks a file: one set of rules and messages for both.
 */
public final class ConfigTree {
    private final ObjectNode root = Json.MAPPER.createObjectNode();

    public void temperature(double value) {
        root.put("temperature", value);
    }

    public void timeoutSeconds(int value) {
        root.put("timeoutSeconds", value);
    }

    public void defaultBackend(String name) {
        root.put("defaultBackend", name);
    }

    public void backend(BackendConfig backend) {
        ObjectNode node = root.withArray("backends").addObject();
        putText(node, "name", backend.name());
        putText(node, "provider", backend.provider());
        putText(node, "baseUrl", backend.baseUrl());
        putText(node, "model", backend.model());
        putText(node, "apiKey", backend.apiKey());
        putNumber(node, "maxTokens", backend.maxTokens());
        node.put("enabled", backend.enabled());
        node.put("weight", backend.weight());
        putNumber(node, "maxConcurrentRequests", backend.maxConcurrentRequests());
        putText(node, "fallback", backend.fallback());
        putNumber(node, "costPer1kInputTokens", backend.costPer1kInputTokens());
        putNumber(node, "costPer1kOutputTokens", backend.costPer1kOutputTokens());
        putNumber(node, "timeoutSeconds", backend.timeoutSeconds());
        backend.options().forEach((key, value) -> node.set(key, value.deepCopy()));
    }

    public void route(String tier, String backend) {
        root.with("routing").put(tier, backend);
    }

    public void retry(LlmockConfig.Retry retry) {
        root.putObject("retry").put("maxAttempts", retry.maxAttempts()).put("baseDelayMs", retry.baseDelayMs())
                .put("maxDelayMs", retry.maxDelayMs());
    }

    public void circuitBreaker(LlmockConfig.CircuitBreaker breaker) {
        root.putObject("circuitBreaker").put("enabled", breaker.enabled())
                .put("failureThreshold", breaker.failureThreshold()).put("openSeconds", breaker.openSeconds());
    }

    public void limits(LlmockConfig.Limits limits) {
        root.putObject("limits").put("maxStringLength", limits.maxStringLength())
                .put("maxArrayItems", limits.maxArrayItems());
    }

    public void cassettes(LlmockConfig.CassettesSection section) {
        ObjectNode node = root.putObject("cassettes");
        if (section.directory() != null) {
            node.put("directory", section.directory().toString());
        }
        if (section.maxAge() != null) {
            node.put("maxAge", section.maxAge().toString());
        }
        ArrayNode redact = node.putArray("redact");
        section.redact().forEach(redact::add);
        ArrayNode ignore = node.putArray("ignore");
        section.ignore().forEach(ignore::add);
    }

    /**
     * The checked configuration; {@code source} names it in messages. {@code ${VAR}} placeholders are kept, as in a
     * file, and resolved when a backend is first used live.
     */
    public LlmockConfig read(String source) {
        return ConfigReader.read(root.deepCopy(), source);
    }

    private static void putText(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static void putNumber(ObjectNode node, String key, Number value) {
        if (value != null) {
            node.set(key, Json.MAPPER.valueToTree(value));
        }
    }
}

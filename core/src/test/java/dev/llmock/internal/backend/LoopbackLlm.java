package dev.llmock.internal.backend;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.internal.Json;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Helpers for tests that simulate a provider with WireMock on 127.0.0.1. */
public final class LoopbackLlm {
    /** A key that must never show up anywhere but in the request header. */
    public static final String API_KEY = "sk-test-SECRET-4f9c2a7e1b";
    public static final String SHAPE = "{\"name\":\"string\",\"age\":0}";

    private LoopbackLlm() {
    }

    public static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    /** Config text with {@code {base}} replaced by the server's base URL and fast retries. */
    public static LlmockConfig config(WireMockServer server, String backends) {
        return config(server, backends, "{\"maxAttempts\":3,\"baseDelayMs\":1,\"maxDelayMs\":20}",
                "{\"enabled\":true,\"failureThreshold\":5,\"openSeconds\":30}");
    }

    public static LlmockConfig config(WireMockServer server, String backends, String retry, String breaker) {
        String json = "{\"retry\":" + retry + ",\"circuitBreaker\":" + breaker + ",\"backends\":["
                + backends.replace("{base}", "http://127.0.0.1:" + server.port()) + "]}";
        return LlmockConfig.parse(json, "test");
    }

    public static Llmock engine(LlmockConfig config, Clock clock) {
        return Llmock.newBuilder().config(config).clock(clock).cache(false).build();
    }

    public static FixtureRequest request(String backend) {
        return FixtureRequest.newBuilder().shape(SHAPE).backend(backend).build();
    }

    public static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode body(LoggedRequest request) {
        return json(request.getBodyAsString());
    }

    /** The body of an OpenAI-style chat completion whose content is {@code content}. */
    public static String openAiCompletion(String content, String finishReason) {
        return "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion\",\"created\":1677652288,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":" + Json.compact(Json.MAPPER.getNodeFactory()
                .textNode(content)) + ",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"" + finishReason
                + "\"}],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":15,\"total_tokens\":135}}";
    }

    /** A clock a test moves by hand. */
    public static final class TestClock extends Clock {
        private Instant now = Instant.parse("2025-01-15T10:00:00Z");

        public synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Captures every log line llmock writes through {@link System.Logger} (which goes to JUL here). */
    public static final class LogCapture extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger("dev.llmock");
        private final Level previous;
        private final List<String> lines = new ArrayList<>();

        public LogCapture() {
            previous = logger.getLevel();
            logger.setLevel(Level.ALL);
            setLevel(Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            String message = record.getMessage();
            if (record.getParameters() != null && record.getParameters().length > 0) {
                message = java.text.MessageFormat.format(message, record.getParameters());
            }
            lines.add(record.getLevel() + " " + message
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        public synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(previous);
        }
    }
}

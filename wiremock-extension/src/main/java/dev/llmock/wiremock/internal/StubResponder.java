package dev.llmock.wiremock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import dev.llmock.internal.config.IgnoreEntry;
import dev.llmock.wiremock.LlmockResponseTransformer;
import dev.llmock.wiremock.LlmockWireMock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a stub that names the {@code llmock} transformer: reads the shape and the other transformer parameters,
 * takes the request's method, path, query and JSON body as facts the data agrees with, and generates (or replays).
 * Thread-safe.
 */
public final class StubResponder {
    private final EngineHandle engine;
    /** Shapes come from stub definitions, so there are few. */
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
    /** {@code cassettes.ignore} with each stub's own {@code ignore}, by the stub's parameter. */
    private final Map<Object, IgnoredParts> ignored = new ConcurrentHashMap<>();
    private final IgnoredParts configured;
    private final ReplayedResponses replayed = new ReplayedResponses();

    public StubResponder(EngineHandle engine) {
        this.engine = engine;
        this.configured = IgnoredParts.configured(engine.config());
    }

    public ResponseDefinition respond(ServeEvent serveEvent) {
        ResponseDefinition stubbed = serveEvent.getResponseDefinition();
        return replayed.get(replayKey(serveEvent), () -> {
            try {
                return answer(serveEvent);
            } catch (RuntimeException e) {
                return Answer.of(e);
            }
        }, answer -> Responses.of(answer, stubbed));
    }

    /** The stub, method, URL and content type steer the answer besides the body; null when not replaying. */
    private String replayKey(ServeEvent serveEvent) {
        if (!engine.replaying().getAsBoolean() || serveEvent.getStubMapping() == null) {
            return null;
        }
        Request request = serveEvent.getRequest();
        return ReplayedResponses.key(serveEvent.getStubMapping().getId() + "\n" + request.getMethod().getName() + " "
                + request.getUrl() + "\n" + request.getHeader("Content-Type"), request.getBody());
    }

    private Answer answer(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        byte[] body = request.getBody();
        if (body != null && body.length > engine.maxBodyBytes()) {
            throw new BadRequest(413, "body_too_large", Messages.bodyTooLarge(body.length, engine.maxBodyBytes()));
        }
        Parameters parameters = serveEvent.getTransformerParameters();
        Shape shape = shapes.computeIfAbsent(shapeText(parameters), Shape::parse);
        String url = request.getUrl();
        RequestPath path = RequestPath.parse(url);
        Map<String, String> pathParameters = templateParameters(serveEvent);
        if (pathParameters.isEmpty()) {
            pathParameters = path.parameters();
        }
        String contentType = request.getHeader("Content-Type");
        ObjectNode facts = HttpFacts.of(request.getMethod().getName(), path.normalized(), pathParameters,
                HttpFacts.queryOf(url), Set.of(), HttpFacts.jsonBody(body, contentType));
        ObjectNode echoed = ignoredParts(parameters).removeFrom(facts);
        int count = count(parameters);
        FixtureRequest fixtureRequest = FixtureRequest.newBuilder()
                .shape(shape)
                .count(count)
                .backend(text(parameters, LlmockResponseTransformer.BACKEND))
                .prompt(text(parameters, LlmockResponseTransformer.PROMPT))
                .context(facts)
                .label(engine.labelFor().apply(request.getHeader(LlmockWireMock.TEST_HEADER)))
                .build();
        Fixture fixture = FactOverlay.echo(engine.generate().apply(fixtureRequest), echoed, shape, count);
        Answer answer = Answer.of(fixture);
        return shape.cacheVariants() > 1 ? answer.notCacheable() : answer;
    }

    /** {@code cassettes.ignore} and the stub's {@code ignore}: a string (entries separated by commas) or a list. */
    private IgnoredParts ignoredParts(Parameters parameters) {
        Object value = parameters == null ? null : parameters.get(LlmockResponseTransformer.IGNORE);
        if (value == null) {
            return configured;
        }
        return ignored.computeIfAbsent(value, v -> {
            List<String> entries = new ArrayList<>();
            if (v instanceof Collection) {
                ((Collection<?>) v).forEach(entry -> entries.add(String.valueOf(entry)));
            } else {
                Arrays.stream(v.toString().split(",")).filter(entry -> !entry.isBlank()).forEach(entries::add);
            }
            try {
                return configured.and(IgnoredParts.of(entries));
            } catch (IllegalArgumentException e) {
                throw new BadRequest(500, "bad_parameter", Messages.badParameter(LlmockResponseTransformer.IGNORE,
                        v.toString(), IgnoreEntry.EXPECTED + " (one, several separated by commas, or a list)"));
            }
        });
    }

    private static Map<String, String> templateParameters(ServeEvent serveEvent) {
        try {
            if (serveEvent.getStubMapping() == null) {
                return Map.of();
            }
            Map<String, String> decorated = serveEvent.withPathParamDecoratedRequest().getRequest().getPathParameters();
            return decorated == null ? Map.of() : decorated;
        } catch (RuntimeException e) {
            return Map.of(); // a stub without a path template has no named parameters
        }
    }

    private static String shapeText(Parameters parameters) {
        Object inline = parameters == null ? null : parameters.get(LlmockResponseTransformer.SHAPE);
        if (inline instanceof String && !((String) inline).isBlank()) {
            return (String) inline;
        }
        if (inline != null && !(inline instanceof String)) {
            try {
                return Json.MAPPER.writeValueAsString(inline);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        String resource = text(parameters, LlmockResponseTransformer.SHAPE_RESOURCE);
        if (resource == null) {
            throw new BadRequest(500, "no_shape", Messages.noShape());
        }
        return readResource(resource);
    }

    private static String readResource(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = StubResponder.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path file = Path.of(resource);
            if (Files.isRegularFile(file)) {
                return Files.readString(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new BadRequest(500, "no_shape", Messages.shapeResourceMissing(resource));
    }

    private static int count(Parameters parameters) {
        Object value = parameters == null ? null : parameters.get(LlmockResponseTransformer.COUNT);
        if (value == null) {
            return 1;
        }
        try {
            int count = value instanceof Number ? ((Number) value).intValue() : Integer.parseInt(value.toString().trim());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest(500, "bad_parameter", Messages.badParameter(LlmockResponseTransformer.COUNT,
                value.toString(), "a whole number of at least 1"));
    }

    private static String text(Parameters parameters, String name) {
        Object value = parameters == null ? null : parameters.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}

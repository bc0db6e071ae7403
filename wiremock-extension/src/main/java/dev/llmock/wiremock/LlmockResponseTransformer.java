package dev.llmock.wiremock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Shape;
import dev.llmock.cassette.RecordMode;
import dev.llmock.internal.Json;
import dev.llmock.wiremock.internal.Answer;
import dev.llmock.wiremock.internal.BadRequest;
import dev.llmock.wiremock.internal.HttpFacts;
import dev.llmock.wiremock.internal.Messages;
import dev.llmock.wiremock.internal.RequestPath;
import dev.llmock.wiremock.internal.ReplayedResponses;
import dev.llmock.wiremock.internal.Responses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WireMock response transformer, named {@value #NAME}, that answers a stub with data generated from a shape.
 *
 * <pre>{@code
 * stubFor(get(urlPathTemplate("/users/{id}")).willReturn(aResponse()
 *         .withTransformers("llmock")
 *         .withTransformerParameter("shape", "{\"id\":0,\"name\":\"string\",\"email\":\"email\"}")));
 * // GET /users/42 answers {"id":42,"name":"...","email":"..."}
 * }</pre>
 *
 * Parameters: {@value #SHAPE} (template or JSON Schema, as text or JSON), {@value #SHAPE_RESOURCE} (a classpath
 * resource or file holding the shape), {@value #BACKEND}, {@value #PROMPT}, {@value #COUNT}. The request's method,
 * path, path and query parameters and JSON body are the facts the data agrees with ({@code id} from the path, fields
 * a POST sent) and, with the shape and prompt, the cassette key, so answers replay offline.
 *
 * <p>Register it with {@code wireMockConfig().extensions(llmock.extensions())} (see {@link LlmockWireMock}), by
 * class name for the standalone runner, or through WireMock's extension scanning; the no-argument constructor uses
 * the default configuration and the cassette {@value LlmockWireMock#DEFAULT_CASSETTE}.
 *
 * @since 0.1.0
 */
public final class LlmockResponseTransformer implements ResponseDefinitionTransformerV2 {
    /** The transformer's name, for {@code withTransformers(...)}: {@value}. */
    public static final String NAME = "llmock";
    /** Parameter holding the shape: {@value}. */
    public static final String SHAPE = "shape";
    /** Parameter naming a classpath resource or file that holds the shape: {@value}. */
    public static final String SHAPE_RESOURCE = "shapeResource";
    /** Parameter naming the backend: {@value}. */
    public static final String BACKEND = "backend";
    /** Parameter with extra instructions for LLM backends: {@value}. */
    public static final String PROMPT = "prompt";
    /** Parameter with the number of records (more than 1 gives a JSON array): {@value}. */
    public static final String COUNT = "count";

    private final LlmockWireMock llmock;
    /** Shapes come from stub definitions, so there are few. */
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
    private final ReplayedResponses replayed = new ReplayedResponses();

    /** The transformer on {@link LlmockWireMock}'s defaults; for WireMock's extension loading. */
    public LlmockResponseTransformer() {
        this(LlmockWireMock.shared());
    }

    LlmockResponseTransformer(LlmockWireMock llmock) {
        this.llmock = llmock;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
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
        if (llmock.mode() != RecordMode.REPLAY || serveEvent.getStubMapping() == null) {
            return null;
        }
        Request request = serveEvent.getRequest();
        return ReplayedResponses.key(serveEvent.getStubMapping().getId() + "\n" + request.getMethod().getName() + " "
                + request.getUrl() + "\n" + request.getHeader("Content-Type"), request.getBody());
    }

    private Answer answer(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        byte[] body = request.getBody();
        if (body != null && body.length > llmock.maxBodyBytes()) {
            throw new BadRequest(413, "body_too_large", Messages.bodyTooLarge(body.length, llmock.maxBodyBytes()));
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
        var facts = HttpFacts.of(request.getMethod().getName(), path.normalized(), pathParameters,
                HttpFacts.queryOf(url), Set.of(), HttpFacts.jsonBody(body, contentType));
        FixtureRequest fixtureRequest = FixtureRequest.newBuilder()
                .shape(shape)
                .count(count(parameters))
                .backend(text(parameters, BACKEND))
                .prompt(text(parameters, PROMPT))
                .context(facts)
                .label(llmock.tests().labelFor(request.getHeader(LlmockWireMock.TEST_HEADER)))
                .build();
        Fixture fixture = llmock.generate(fixtureRequest);
        Answer answer = Answer.ok(200, fixture.json(), fixture.provenance().source().name().toLowerCase(Locale.ROOT));
        return shape.cacheVariants() > 1 ? answer.notCacheable() : answer;
    }

    /** Only stubs that name this transformer use it. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Saves the cassette when the server stops. */
    @Override
    public void stop() {
        llmock.save();
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
        Object inline = parameters == null ? null : parameters.get(SHAPE);
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
        String resource = text(parameters, SHAPE_RESOURCE);
        if (resource == null) {
            throw new BadRequest(500, "no_shape", Messages.noShape());
        }
        return readResource(resource);
    }

    private static String readResource(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = LlmockResponseTransformer.class.getClassLoader();
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
        Object value = parameters == null ? null : parameters.get(COUNT);
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
        throw new BadRequest(500, "bad_parameter", Messages.badParameter(COUNT, value.toString(),
                "a whole number of at least 1"));
    }

    private static String text(Parameters parameters, String name) {
        Object value = parameters == null ? null : parameters.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}

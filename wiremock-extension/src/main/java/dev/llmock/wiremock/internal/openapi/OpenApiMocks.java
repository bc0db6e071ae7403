package dev.llmock.wiremock.internal.openapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.llmock.openapi.OpenApiException;
import dev.llmock.openapi.OpenApiOperation;
import dev.llmock.openapi.OpenApiSpec;
import dev.llmock.wiremock.LlmockWireMock;
import dev.llmock.wiremock.internal.Answer;
import dev.llmock.wiremock.internal.EngineHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every operation of the loaded OpenAPI descriptions as a WireMock stub: matched by method and path template under
 * its base path, answered by {@link OperationAnswer} after {@link RequestCheck}; beneath them, one stub per base path
 * answers what no operation takes with a JSON 404 (or 405 when the path is served for other methods). Thread-safe.
 */
public final class OpenApiMocks {
    /** The transformer parameter naming the operation a stub serves. */
    static final String OPERATION = "operation";
    /** The transformer parameter of a base path's fallback stub. */
    static final String FALLBACK = "fallback";
    /** Operation stubs sit below the default priority (5), so a test's own stubs win; concrete paths first. */
    static final int OPERATION_PRIORITY = 400;
    /** Below the operations and the mock API's catch-all (1000). */
    static final int FALLBACK_PRIORITY = 1500;

    private final Map<String, ServedOperation> operations;
    private final Set<String> basePaths;
    private final OperationAnswer answers;
    private final long maxBodyBytes;

    private OpenApiMocks(Map<String, ServedOperation> operations, Set<String> basePaths, EngineHandle engine) {
        this.operations = operations;
        this.basePaths = basePaths;
        this.answers = new OperationAnswer(engine);
        this.maxBodyBytes = engine.maxBodyBytes();
    }

    /**
     * A description to serve.
     *
     * @param location a file, else a classpath resource
     * @param basePath where its paths begin instead of its first server's path, or null for that one
     */
    public record Source(String location, String basePath) {
    }

    /**
     * Reads every description.
     *
     * @throws OpenApiException when one cannot be read, or two operations would be served at one method and path
     */
    public static OpenApiMocks load(List<Source> sources, EngineHandle engine) {
        Map<String, ServedOperation> operations = new LinkedHashMap<>();
        Set<String> basePaths = new LinkedHashSet<>();
        for (Source source : sources) {
            OpenApiSpec spec = OpenApiSpec.load(source.location());
            for (OpenApiOperation operation : spec.operations()) {
                String base = source.basePath() == null ? operation.basePath() : trimmed(source.basePath());
                ServedOperation served = new ServedOperation(spec, operation, base);
                ServedOperation earlier = operations.putIfAbsent(served.key(), served);
                if (earlier != null) {
                    throw new OpenApiException(Messages.servedTwice(served, earlier));
                }
                basePaths.add(base);
            }
        }
        return new OpenApiMocks(operations, basePaths, engine);
    }

    private static String trimmed(String basePath) {
        String path = basePath.strip();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
    }

    /** One line per operation, for people: {@code GET /v1/pets/{petId} -> 200 application/json (showPetById, petstore.yaml)}. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (ServedOperation served : operations.values()) {
            var success = served.operation().success();
            lines.add(served.operation().method() + " " + served.servedPath() + " -> " + success.statusCode()
                    + success.preferred().map(content -> " " + content.mediaType()).orElse("")
                    + " (" + served.operation().id() + ", " + served.spec().source() + ")"
                    + (served.success().unsupported() == null ? "" : " [answers 500: its schema cannot be generated]"));
        }
        return lines;
    }

    /** The stubs: one per operation, one fallback per base path. */
    List<StubMapping> stubs() {
        List<StubMapping> stubs = new ArrayList<>();
        for (ServedOperation served : operations.values()) {
            StubMapping stub = request(served.operation().method(), urlPathMatching(served.pattern().regex()))
                    .atPriority(OPERATION_PRIORITY + served.pattern().names().size())
                    .willReturn(aResponse().withTransformers(OpenApiExtension.NAME)
                            .withTransformerParameter(OPERATION, served.key()))
                    .build();
            stub.setId(id("operation " + served.key()));
            stub.setName("llmock OpenAPI " + served);
            stubs.add(stub);
        }
        for (String base : basePaths) {
            StubMapping stub = any(urlPathMatching(Pattern.quote(base) + "(/.*)?"))
                    .atPriority(FALLBACK_PRIORITY)
                    .willReturn(aResponse().withTransformers(OpenApiExtension.NAME)
                            .withTransformerParameter(FALLBACK, base))
                    .build();
            stub.setId(id("fallback " + base));
            stub.setName("llmock OpenAPI: no operation under " + (base.isEmpty() ? "/" : base));
            stubs.add(stub);
        }
        return stubs;
    }

    private static UUID id(String what) {
        return UUID.nameUUIDFromBytes(("llmock-openapi " + what).getBytes(StandardCharsets.UTF_8));
    }

    ResponseDefinition respond(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String path = path(request.getUrl());
        Parameters parameters = serveEvent.getTransformerParameters();
        ServedOperation served = parameters == null || !parameters.containsKey(OPERATION) ? null
                : operations.get(parameters.getString(OPERATION));
        try {
            Reply reply = served == null ? notServed(request.getMethod().getName(), path) : answer(served, request, path);
            return reply.toResponse();
        } catch (RuntimeException e) {
            Answer failure = Answer.of(e);
            return Reply.problem(failure.status(), Problem.of(failure.status(),
                    failure.body().path("error").path("message").asText(), path, List.of())).toResponse();
        }
    }

    private Reply answer(ServedOperation served, Request request, String path) {
        byte[] body = request.getBody();
        if (body != null && body.length > maxBodyBytes) {
            return Reply.problem(413, Problem.of(413, Messages.bodyTooLarge(body.length, maxBodyBytes), path,
                    List.of()));
        }
        Map<String, String> pathValues = served.pattern().match(path);
        RequestCheck.Result checked = RequestCheck.check(served, pathValues == null ? Map.of() : pathValues,
                request.getUrl(), request.getHeader("Content-Type"), body);
        if (checked.unsupported() != null) {
            return Reply.problem(415, Problem.of(415, Messages.unsupportedMediaType(served,
                    request.getHeader("Content-Type"), checked.unsupported()), path, List.of()));
        }
        OperationAnswer.Call call = new OperationAnswer.Call(request.getMethod().getName(), path, request.getUrl(),
                pathValues == null ? Map.of() : pathValues, request.getHeader(OperationAnswer.BACKEND_HEADER),
                request.getHeader(LlmockWireMock.TEST_HEADER));
        return checked.errors().isEmpty() ? answers.success(served, call, checked.body())
                : answers.rejected(served, call, checked.errors());
    }

    /** A path no operation takes: 405 with {@code Allow} when other methods take it, else 404. */
    private Reply notServed(String method, String path) {
        Set<String> allowed = new TreeSet<>();
        for (ServedOperation served : operations.values()) {
            if (served.pattern().match(path) != null) {
                allowed.add(served.operation().method());
            }
        }
        if (!allowed.isEmpty()) {
            return Reply.problem(405, Problem.of(405, Messages.methodNotAllowed(method, path, allowed), path,
                    List.of())).withHeader("Allow", String.join(", ", allowed));
        }
        List<String> served = operations.values().stream().map(each -> each.operation().method() + " "
                + each.servedPath()).toList();
        return Reply.problem(404, Problem.of(404, Messages.noOperation(method, path, served), path, List.of()));
    }

    private static String path(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}

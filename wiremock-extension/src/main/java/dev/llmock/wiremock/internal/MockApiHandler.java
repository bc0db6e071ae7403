package dev.llmock.wiremock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.ShapeException;
import dev.llmock.internal.Json;
import dev.llmock.wiremock.internal.context.ContextOverlay;
import dev.llmock.wiremock.internal.context.ContextState;
import dev.llmock.wiremock.internal.context.Target;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The LLMockApi-compatible catch-all: reads the shape, backend and simulated error from the request, remembers the
 * structure first answered for each normalized path, and generates the answer. Thread-safe.
 */
final class MockApiHandler {
    static final String SHAPE_PARAMETER = "shape";
    static final String BACKEND_PARAMETER = "backend";
    static final String ERROR_PARAMETER = "error";
    static final String ERROR_MESSAGE_PARAMETER = "errorMessage";
    static final String ERROR_DETAILS_PARAMETER = "errorDetails";
    static final String SHAPE_HEADER = "X-Response-Shape";
    static final String BACKEND_HEADER = "X-LLM-Backend";
    static final String ERROR_CODE_HEADER = "X-Error-Code";
    static final String ERROR_MESSAGE_HEADER = "X-Error-Message";
    static final String SHAPE_FIELD = "shape";

    /** Simulated errors are errors: 4xx and 5xx ({@code 1xx} would leave a client waiting for the real answer). */
    static final int MIN_ERROR_STATUS = 400;
    static final int MAX_ERROR_STATUS = 599;
    /** How many normalized paths remember the shape first answered for them: {@value}. */
    static final int REMEMBERED_PATHS = 10_000;

    /** Query parameters that steer the mock rather than describe the resource; not part of the request facts. */
    static final Set<String> CONTROL_PARAMETERS = Set.of(SHAPE_PARAMETER, BACKEND_PARAMETER, ERROR_PARAMETER,
            ERROR_MESSAGE_PARAMETER, ERROR_DETAILS_PARAMETER, ContextBinding.QUERY_PARAMETER,
            ContextBinding.QUERY_PARAMETER_ALIAS, SseAnswer.MODE_PARAMETER, SseAnswer.DELAY_PARAMETER);
    private static final String RECORD = "{\"id\":0,\"name\":\"string\",\"description\":\"string\","
            + "\"createdAt\":\"ISO-8601\"}";

    private final String prefix;
    private final long maxBodyBytes;
    private final Function<FixtureRequest, Fixture> generator;
    private final LlmockConfig config;
    private final IgnoredParts ignored;
    private final ContextBinding contexts;
    /** Bounded, so that clients calling ever new paths cannot fill the heap; the least recently used path goes. */
    private final Cache<String, Shape> shapesByPath;
    private final ParsedShapes parsed = new ParsedShapes();

    /**
     * @param prefix       the path the mock API lives under, e.g. {@code /api/mock}
     * @param maxBodyBytes bodies longer than this are answered with 413
     * @param generator    generates a fixture (the engine with its cassette)
     * @param config       the configuration, to check backend names
     * @param contexts     the API contexts requests may belong to
     */
    MockApiHandler(String prefix, long maxBodyBytes, Function<FixtureRequest, Fixture> generator,
                          LlmockConfig config, ContextBinding contexts) {
        this(prefix, maxBodyBytes, generator, config, contexts, REMEMBERED_PATHS);
    }

    /** @param rememberedPaths how many normalized paths remember their shape */
    MockApiHandler(String prefix, long maxBodyBytes, Function<FixtureRequest, Fixture> generator, LlmockConfig config,
                   ContextBinding contexts, int rememberedPaths) {
        this.prefix = prefix;
        this.maxBodyBytes = maxBodyBytes;
        this.generator = generator;
        this.config = config;
        this.ignored = IgnoredParts.configured(config);
        this.contexts = contexts;
        this.shapesByPath = Caffeine.newBuilder().maximumSize(rememberedPaths).build();
    }

    /** How many paths remember a shape now. */
    long rememberedPaths() {
        shapesByPath.cleanUp();
        return shapesByPath.estimatedSize();
    }

    /**
     * Answers one request.
     *
     * @param headers looks up a request header by name (case-insensitive), null when absent
     */
    Answer handle(String method, String url, UnaryOperator<String> headers, byte[] body, String contentType,
                         String label) {
        try {
            return answer(method, url, headers, body, contentType, label);
        } catch (RuntimeException e) {
            return Answer.of(e);
        }
    }

    private Answer answer(String method, String url, UnaryOperator<String> headers, byte[] body, String contentType,
                          String label) {
        if (body != null && body.length > maxBodyBytes) {
            throw new BadRequest(413, "body_too_large", Messages.bodyTooLarge(body.length, maxBodyBytes));
        }
        Answer simulated = simulatedError(url, headers);
        if (simulated != null) {
            return simulated;
        }
        JsonNode json = HttpFacts.jsonBody(body, contentType);
        ContextState context = contexts.of(url, headers, json);
        String shapeText = HttpFacts.queryValue(url, SHAPE_PARAMETER);
        String shapeSource = "the query parameter ?shape=";
        if (isBlank(shapeText)) {
            shapeText = headers.apply(SHAPE_HEADER);
            shapeSource = "the header " + SHAPE_HEADER;
        }
        if (json != null && json.isObject() && json.has(SHAPE_FIELD)) {
            JsonNode field = ((ObjectNode) json).remove(SHAPE_FIELD);
            if (isBlank(shapeText)) {
                shapeText = field.isTextual() ? field.asText() : Json.compact(field);
                shapeSource = "the body field \"shape\"";
            }
        }
        String backend = headers.apply(BACKEND_HEADER);
        String backendSource = "the header " + BACKEND_HEADER;
        if (isBlank(backend)) {
            backend = HttpFacts.queryValue(url, BACKEND_PARAMETER);
            backendSource = "the query parameter ?backend=";
        }
        if (!isBlank(backend)) {
            checkBackend(backend.trim(), backendSource);
        }
        RequestPath path = RequestPath.parse(withoutPrefix(url));
        Shape shape;
        if (!isBlank(shapeText)) {
            shape = parse(shapeText, shapeSource);
        } else {
            shape = rememberedShape(method, path);
            if (shape == null) {
                shape = parsed.of(defaultShape(method, path, json));
            }
        }
        ObjectNode facts = HttpFacts.of(method, path.normalized(), path.parameters(), HttpFacts.queryOf(url),
                CONTROL_PARAMETERS, json);
        ObjectNode echoed = ignored.removeFrom(facts);
        Target target = null;
        String local = url.startsWith(prefix) ? url.substring(prefix.length()) : url;
        if (context != null) {
            target = ContextBinding.target(path, local, CONTROL_PARAMETERS);
            Answer fromState = ContextBinding.fromState(context, method, target, json, local);
            if (fromState != null) {
                return fromState;
            }
            facts.set(ContextOverlay.FACT, context.hints());
        }
        FixtureRequest request = FixtureRequest.newBuilder().shape(shape).backend(isBlank(backend) ? "" : backend.trim())
                .context(facts).label(label == null ? method.toUpperCase(Locale.ROOT) + " " + path.normalized() : label)
                .build();
        Fixture fixture = FactOverlay.echo(generator.apply(request), echoed, shape, 1);
        shapesByPath.asMap().putIfAbsent(shapeKey(method, path), shape);
        if (context != null) {
            return ContextBinding.answered(context, method, target, json, local, fixture);
        }
        Answer answer = Answer.of(fixture);
        return shape.cacheVariants() > 1 ? answer.notCacheable() : answer;
    }

    /** A POST to a collection answers one item: its structure is remembered for the item path, and lists of it. */
    private static String shapeKey(String method, RequestPath path) {
        return "POST".equalsIgnoreCase(method) && path.collection() ? path.normalized() + "/{id}" : path.normalized();
    }

    private Shape rememberedShape(String method, RequestPath path) {
        Shape shape = shapesByPath.getIfPresent(shapeKey(method, path));
        if (shape == null && "GET".equalsIgnoreCase(method) && path.collection()) {
            Shape item = shapesByPath.getIfPresent(path.normalized() + "/{id}");
            if (item != null) {
                ObjectNode itemSchema = item.toJsonSchema();
                itemSchema.remove("$schema");
                ObjectNode list = Json.MAPPER.createObjectNode();
                list.put("type", "array");
                list.set("items", itemSchema);
                shape = Shape.fromJsonSchema(list);
            }
        }
        return shape;
    }

    /** The simulated error a request asks for ({@code ?error=}, {@code X-Error-Code}), or null. */
    static Answer simulatedError(String url, UnaryOperator<String> headers) {
        String code = HttpFacts.queryValue(url, ERROR_PARAMETER);
        String source = "the query parameter ?error=";
        String message = HttpFacts.queryValue(url, ERROR_MESSAGE_PARAMETER);
        if (isBlank(code)) {
            code = headers.apply(ERROR_CODE_HEADER);
            source = "the header " + ERROR_CODE_HEADER;
            message = isBlank(message) ? headers.apply(ERROR_MESSAGE_HEADER) : message;
        } else if (isBlank(message)) {
            message = headers.apply(ERROR_MESSAGE_HEADER);
        }
        if (isBlank(code)) {
            return null;
        }
        int status;
        try {
            status = Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            status = -1;
        }
        if (status < MIN_ERROR_STATUS || status > MAX_ERROR_STATUS) {
            throw new BadRequest(400, "invalid_error_code",
                    Messages.badErrorCode(code, source, MIN_ERROR_STATUS, MAX_ERROR_STATUS));
        }
        ObjectNode details = Json.MAPPER.createObjectNode();
        String extra = HttpFacts.queryValue(url, ERROR_DETAILS_PARAMETER);
        if (!isBlank(extra)) {
            details.put("details", extra);
        }
        return Answer.error(status, "simulated", isBlank(message) ? Messages.simulatedError(status) : message,
                details).simulated();
    }

    private void checkBackend(String name, String source) {
        if (config.isEmpty() || FixtureRequest.AUTO.equals(name) || LlmockConfig.SYNTHETIC.equals(name)
                || !config.backendsNamed(name).isEmpty()) {
            return;
        }
        Set<String> names = new TreeSet<>();
        config.backends().forEach(b -> {
            if (b.enabled()) {
                names.add(b.name());
            }
        });
        names.add(LlmockConfig.SYNTHETIC);
        ObjectNode details = Json.MAPPER.createObjectNode();
        details.put("backend", name);
        ArrayNode configured = details.putArray("configured");
        names.forEach(configured::add);
        throw new BadRequest(400, "unknown_backend", Messages.unknownBackend(name, source, config.source(), names),
                details);
    }

    private Shape parse(String text, String source) {
        try {
            return parsed.of(text);
        } catch (ShapeException e) {
            ObjectNode details = Json.MAPPER.createObjectNode();
            details.put("source", source);
            if (e.line() > 0) {
                details.put("line", e.line());
                details.put("column", e.column());
            }
            throw new BadRequest(400, "invalid_shape", Messages.invalidShape(source, e.getMessage()), details);
        }
    }

    private String withoutPrefix(String url) {
        String path = url;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    /** The shape when the caller gives none: the body's structure, a list for a collection, else a record. */
    static String defaultShape(String method, RequestPath path, JsonNode body) {
        if (body != null && body.isObject() && body.size() > 0) {
            ObjectNode template = Json.MAPPER.createObjectNode();
            if (!body.has("id")) {
                template.put("id", 0);
            }
            template.setAll(infer((ObjectNode) body));
            if (template.size() > 0) {
                return Json.compact(template);
            }
        }
        if ("GET".equalsIgnoreCase(method) && path.collection() && !path.normalized().equals("/")) {
            return "[" + RECORD + "]";
        }
        return RECORD;
    }

    private static ObjectNode infer(ObjectNode body) {
        ObjectNode template = Json.MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().isBlank() || field.getKey().startsWith("$")) {
                continue;
            }
            JsonNode inferred = infer(field.getValue());
            if (inferred != null) {
                template.set(field.getKey(), inferred);
            }
        }
        return template;
    }

    private static JsonNode infer(JsonNode value) {
        if (value.isIntegralNumber()) {
            return Json.MAPPER.getNodeFactory().numberNode(0);
        }
        if (value.isNumber()) {
            return Json.MAPPER.getNodeFactory().numberNode(new BigDecimal("0.0"));
        }
        if (value.isBoolean()) {
            return Json.MAPPER.getNodeFactory().booleanNode(true);
        }
        if (value.isObject()) {
            ObjectNode nested = infer((ObjectNode) value);
            return nested.size() == 0 ? null : nested;
        }
        if (value.isArray()) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            JsonNode item = value.size() == 0 ? null : infer(value.get(0));
            array.add(item == null ? Json.MAPPER.getNodeFactory().textNode("string") : item);
            return array;
        }
        return Json.MAPPER.getNodeFactory().textNode("string");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

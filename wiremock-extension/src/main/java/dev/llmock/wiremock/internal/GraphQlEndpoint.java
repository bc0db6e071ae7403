package dev.llmock.wiremock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import dev.llmock.wiremock.LlmockWireMock;
import dev.llmock.wiremock.internal.context.ContextOverlay;
import dev.llmock.wiremock.internal.context.ContextState;
import dev.llmock.wiremock.internal.graphql.GraphQlException;
import dev.llmock.wiremock.internal.graphql.GraphQlQuery;
import dev.llmock.wiremock.internal.graphql.GraphQlSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mock's GraphQL endpoint, {@code /graphql} and {@code <prefix>/graphql}: the query's selection is the shape
 * ({@link GraphQlQuery}), the answer {@code {"data": ...}}. Request errors (malformed JSON or document, a document the
 * schema does not allow, missing variables) answer 400 with {@code {"errors": [...]}}, as the GraphQL-over-HTTP spec
 * has it; llmock's own failures (replay miss, backend) keep their status, in the same error format with
 * {@code "data": null}. GET ({@code ?query=&variables=&operationName=}) and POST share one cassette entry.
 */
final class GraphQlEndpoint {
    static final String PATH = "/graphql";
    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    /** The query parameters of a GET request that carry the GraphQL request, and llmock's own. */
    private static final Set<String> CONTROL_PARAMETERS = controlParameters();

    private final EngineHandle engine;
    private final ContextBinding contexts;
    private final GraphQlSchema schema;

    /** @param schema the schema typing answers and validating queries, or null */
    GraphQlEndpoint(EngineHandle engine, ContextBinding contexts, GraphQlSchema schema) {
        this.engine = engine;
        this.contexts = contexts;
        this.schema = schema;
    }

    /** Whether {@code path} (a request's {@link RequestPath#clean clean} path) is the GraphQL endpoint. */
    static boolean matches(String prefix, String path) {
        return path.equals(PATH) || path.equals(prefix + PATH);
    }

    ResponseDefinition respond(Request request, ResponseDefinition base) {
        String accept = request.getHeader("Accept");
        String type = accept != null && accept.toLowerCase(Locale.ROOT).contains(GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE
                : "application/json";
        return Responses.of(answer(request), base, type);
    }

    private Answer answer(Request request) {
        String url = request.getUrl();
        byte[] body = request.getBody();
        if (body != null && body.length > engine.maxBodyBytes()) {
            return errors(Answer.of(new BadRequest(413, "body_too_large",
                    Messages.bodyTooLarge(body.length, engine.maxBodyBytes()))));
        }
        ObjectNode graphQlRequest;
        try {
            Answer simulated = MockApiHandler.simulatedError(url, request::getHeader);
            if (simulated != null) {
                return errors(simulated);
            }
            graphQlRequest = graphQlRequest(request);
        } catch (BadRequest e) {
            return errors(Answer.of(e));
        }
        try {
            ContextState context = contexts.of(url, request::getHeader, graphQlRequest);
            JsonNode variables = graphQlRequest.get("variables");
            GraphQlQuery query = GraphQlQuery.prepare(graphQlRequest.get("query").asText(),
                    graphQlRequest.path("operationName").asText(null),
                    variables instanceof ObjectNode ? (ObjectNode) variables : null, schema);
            ObjectNode facts = HttpFacts.of("POST", PATH, Map.of(), HttpFacts.queryOf(url),
                    CONTROL_PARAMETERS, graphQlRequest);
            if (context != null) {
                facts.set(ContextOverlay.FACT, context.hints());
            }
            FixtureRequest fixtureRequest = FixtureRequest.newBuilder().shape(Shape.parse(Json.compact(query.template())))
                    .context(facts)
                    .label(label(request, query))
                    .build();
            Fixture fixture = engine.generate().apply(fixtureRequest);
            JsonNode data = query.answer(fixture.json());
            if (context != null) {
                context.called("POST", PATH, graphQlRequest, data);
            }
            ObjectNode response = Json.MAPPER.createObjectNode();
            response.set("data", data);
            return new Answer(200, response, Answer.Source.of(fixture.provenance().source()), false);
        } catch (GraphQlException e) {
            return new Answer(e.status(), e.response(), Answer.Source.ERROR, false);
        } catch (RuntimeException e) {
            return errors(Answer.of(e));
        }
    }

    private String label(Request request, GraphQlQuery query) {
        String label = engine.labelFor().apply(request.getHeader(LlmockWireMock.TEST_HEADER));
        return label != null ? label : "POST " + PATH + " (" + query.operation() + ")";
    }

    /** The request as {@code {"query", "variables", "operationName"}}, from the query string or the body. */
    private static ObjectNode graphQlRequest(Request request) {
        String url = request.getUrl();
        ObjectNode json = Json.MAPPER.createObjectNode();
        String contentType = request.getHeader("Content-Type");
        byte[] body = request.getBody();
        if (body != null && body.length > 0 && contentType != null
                && contentType.toLowerCase(Locale.ROOT).contains("application/graphql")) {
            json.put("query", new String(body, StandardCharsets.UTF_8));
        } else if (body != null && body.length > 0) {
            JsonNode parsed;
            try {
                parsed = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                String what = e instanceof JsonProcessingException
                        ? ((JsonProcessingException) e).getOriginalMessage().lines().findFirst().orElse("") : e.getMessage();
                throw new BadRequest(400, "invalid_json", Messages.notJson(what));
            }
            if (parsed == null || !parsed.isObject()) {
                throw new BadRequest(400, "invalid_request", Messages.missingQuery());
            }
            json.setAll((ObjectNode) parsed);
        } else {
            putIfPresent(json, "query", HttpFacts.queryValue(url, "query"));
            putIfPresent(json, "operationName", HttpFacts.queryValue(url, "operationName"));
            String variables = HttpFacts.queryValue(url, "variables");
            if (variables != null && !variables.isBlank()) {
                try {
                    json.set("variables", Json.MAPPER.readTree(variables));
                } catch (JsonProcessingException e) {
                    throw new BadRequest(400, "invalid_request", Messages.badVariables());
                }
            }
        }
        if (!json.path("query").isTextual() || json.get("query").asText().isBlank()) {
            throw new BadRequest(400, "invalid_request", Messages.missingQuery());
        }
        JsonNode variables = json.get("variables");
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            throw new BadRequest(400, "invalid_request", Messages.badVariables());
        }
        return json;
    }

    private static Set<String> controlParameters() {
        Set<String> names = new HashSet<>(MockApiHandler.CONTROL_PARAMETERS);
        names.addAll(List.of("query", "variables", "operationName"));
        return Set.copyOf(names);
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value);
        }
    }

    /** A failure as GraphQL errors: {@code {"errors":[{"message","extensions":{"code",...}}],"data":null}}. */
    private static Answer errors(Answer failure) {
        JsonNode error = failure.body().path("error");
        ObjectNode response = Json.MAPPER.createObjectNode();
        ArrayNode errors = response.putArray("errors");
        ObjectNode each = errors.addObject();
        each.put("message", error.path("message").asText());
        ObjectNode extensions = each.putObject("extensions");
        extensions.put("code", error.path("type").asText().toUpperCase(Locale.ROOT));
        extensions.put("status", failure.status());
        for (Iterator<Map.Entry<String, JsonNode>> it = error.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("message") && !field.getKey().equals("type") && !field.getKey().equals("code")) {
                extensions.set(field.getKey(), field.getValue());
            }
        }
        response.putNull("data");
        return new Answer(failure.status(), response, failure.source(), false);
    }
}

package dev.llmock.wiremock.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.ShapeException;
import dev.llmock.openapi.OpenApiContent;
import dev.llmock.openapi.OpenApiResponse;
import dev.llmock.wiremock.internal.Answer;
import dev.llmock.wiremock.internal.EngineHandle;
import dev.llmock.wiremock.internal.HttpFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a checked request of one operation: its success response generated from the response schema (through the
 * engine and its cassette, with the request's path parameters and body as facts the data agrees with), or, for a
 * request that does not fit, the description's 400/422 response generated from its schema, else a problem document.
 */
final class OperationAnswer {
    /** Request header naming the backend, as for the mock API: {@value}. */
    static final String BACKEND_HEADER = "X-LLM-Backend";

    private final EngineHandle engine;

    OperationAnswer(EngineHandle engine) {
        this.engine = engine;
    }

    /** What the request asked, in the words the engine's request takes. */
    record Call(String method, String path, String url, Map<String, String> pathValues, String backend,
                String testHeader) {
    }

    Reply success(ServedOperation served, Call call, JsonNode body) {
        OpenApiResponse response = served.operation().success();
        Optional<OpenApiContent> content = response.preferred();
        if (content.isEmpty()) {
            return Reply.empty(response.statusCode());
        }
        ServedOperation.Outcome outcome = served.success();
        if (outcome.shape() == null) {
            return unsupported(served, call, outcome.unsupported());
        }
        ObjectNode facts = HttpFacts.of(call.method(), served.servedPath(), withIdAlias(served, call.pathValues()),
                HttpFacts.queryOf(call.url()), Set.of(), body);
        Fixture fixture;
        try {
            fixture = engine.generate().apply(request(served, call, outcome, facts,
                    OperationPrompt.of(served, response, content.get())));
        } catch (ShapeException e) {
            return unsupported(served, call, e);
        }
        JsonNode json = fixture.json();
        if (ExampleValues.SYNTHETIC.equals(fixture.provenance().provider())) {
            JsonNode example = content.get().schemaFromExample() || content.get().examples().isEmpty()
                    ? MissingNode.getInstance() : content.get().examples().get(0);
            json = ExampleValues.apply(json, content.get().schema(), example, outcome.shape());
        }
        String source = Answer.Source.of(fixture.provenance().source()).id();
        if (!content.get().json() && json.isTextual()) {
            return new Reply(response.statusCode(), content.get().mediaType(), json.asText(), source, List.of());
        }
        return Reply.json(response.statusCode(), content.get().json() ? content.get().mediaType() : "application/json",
                json, source);
    }

    Reply rejected(ServedOperation served, Call call, List<Problem.Error> errors) {
        String detail = Messages.requestDoesNotFit(served, errors.size());
        Optional<OpenApiResponse> documented = served.operation().badRequest();
        ServedOperation.Outcome outcome = served.badRequest();
        if (documented.isEmpty() || documented.get().preferred().isPresent() && outcome.shape() == null) {
            return Reply.problem(400, Problem.of(400, detail, call.path(), errors));
        }
        OpenApiResponse response = documented.get();
        if (response.preferred().isEmpty()) {
            return Reply.empty(response.statusCode());
        }
        ObjectNode facts = HttpFacts.of(call.method(), served.servedPath(), Map.of(), HttpFacts.queryOf(call.url()),
                Set.of(), null);
        ArrayNode violations = facts.putArray("violations");
        errors.forEach(error -> violations.add(Problem.json(error)));
        Fixture fixture;
        try {
            fixture = engine.generate().apply(request(served, call, outcome, facts,
                    OperationPrompt.rejection(served, response, errors)));
        } catch (ShapeException e) {
            return unsupported(served, call, e);
        }
        JsonNode json = RejectionFacts.apply(fixture.json(), outcome.shape(), response.statusCode(),
                detail + " " + Messages.firstError(errors.get(0)));
        return Reply.json(response.statusCode(), response.preferred().get().mediaType(), json,
                Answer.Source.of(fixture.provenance().source()).id());
    }

    /** The description's schema is what llmock cannot generate from: a server-side failure, not the caller's. */
    private static Reply unsupported(ServedOperation served, Call call, ShapeException e) {
        return unsupported(served, call, e.getMessage());
    }

    private static Reply unsupported(ServedOperation served, Call call, String reason) {
        return Reply.problem(500, Problem.of(500, Messages.unsupportedSchema(served, reason), call.path(), List.of()));
    }

    private FixtureRequest request(ServedOperation served, Call call, ServedOperation.Outcome outcome, ObjectNode facts,
                                   String prompt) {
        String label = engine.labelFor().apply(call.testHeader());
        return FixtureRequest.newBuilder()
                .shape(outcome.shape())
                .backend(call.backend() == null ? "" : call.backend().trim())
                .prompt(prompt)
                .context(facts)
                .label(label == null ? served.toString() : label)
                .build();
    }

    /**
     * The path's values by their names, and the last one also as {@code id} when no parameter has that name, so that
     * {@code GET /pets/7} of {@code /pets/{petId}} answers a pet whose {@code id} is 7 (as the mock API does).
     */
    private static Map<String, String> withIdAlias(ServedOperation served, Map<String, String> values) {
        List<String> names = served.pattern().names();
        if (names.isEmpty() || values.containsKey("id") || !served.servedPath().endsWith("}")) {
            return values;
        }
        Map<String, String> aliased = new LinkedHashMap<>(values);
        aliased.put("id", values.get(names.get(names.size() - 1)));
        return aliased;
    }
}

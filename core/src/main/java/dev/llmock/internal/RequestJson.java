package dev.llmock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.FixtureRequest;
import dev.llmock.Part;
import dev.llmock.Rule;
import dev.llmock.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a request as the JSON its {@link dev.llmock.RequestKey} hashes and cassettes store: the logical request
 * (shape, count, backends, stages, prompt, rules, variant, context and the patterns), never who asked.
 *
 * <p>Every cassette ever recorded is keyed by this form: a key that appears only when a pattern is used stays out of
 * requests without it, and nothing here may change for requests that already have keys.
 */
public final class RequestJson {

    private RequestJson() {
    }

    /**
     * The logical form of {@code request}.
     *
     * @param shapeSchema the request shape's JSON Schema as keys hash it (the shape keeps it, computed once)
     */
    public static ObjectNode of(FixtureRequest request, JsonNode shapeSchema) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.set("shape", shapeSchema);
        if (request.shape().cacheVariants() > 1) {
            json.put("cacheVariants", request.shape().cacheVariants());
        }
        json.put("count", request.count());
        json.put("backend", request.backend());
        if (!request.stages().isEmpty()) {
            ArrayNode array = json.putArray("stages");
            for (Stage stage : request.stages()) {
                ObjectNode each = array.addObject();
                each.put("role", lowerCase(stage.role()));
                each.put("backend", stage.backend());
                if (stage.shape() != null) {
                    each.set("shape", stage.shape().toJsonSchema());
                }
                if (stage.prompt() != null) {
                    each.put("prompt", stage.prompt());
                }
            }
        }
        if (request.prompt() != null) {
            json.put("prompt", request.prompt());
        }
        List<String> allRules = new ArrayList<>(request.rules());
        request.checks().stream().map(Rule::description).forEach(allRules::add);
        if (!allRules.isEmpty()) {
            ArrayNode array = json.putArray("rules");
            allRules.forEach(array::add);
        }
        json.put("variant", request.variant());
        if (request.context() != null) {
            json.set("context", request.context());
        }
        patterns(request, json);
        return json;
    }

    /** The keys of the multi-LLM patterns, present only when used, so requests without them keep their keys. */
    private static void patterns(FixtureRequest request, ObjectNode json) {
        if (!request.parts().isEmpty()) {
            ArrayNode array = json.putArray("parts");
            for (Part part : request.parts()) {
                ObjectNode each = array.addObject();
                each.put("name", part.name());
                each.put("backend", part.backend());
                each.set("shape", part.shape().toJsonSchema());
            }
            json.put("merge", lowerCase(request.merge()));
        }
        if (!request.consensus().isEmpty()) {
            ArrayNode array = json.putArray("consensus");
            request.consensus().forEach(array::add);
        }
        if (request.targetType() != null) {
            json.put("targetType", request.targetType().getTypeName());
        }
        if (request.corrector() != null) {
            json.put("corrector", request.corrector());
        }
        if (request.finalBackend() != null) {
            json.put("finalBackend", request.finalBackend());
        }
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}

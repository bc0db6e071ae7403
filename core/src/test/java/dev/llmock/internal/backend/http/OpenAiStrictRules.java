package dev.llmock.internal.backend.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.llmock.internal.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * OpenAI's check of a strict {@code json_schema} response format, on a loopback stub that names it
 * ({@code .withTransformers(OpenAiStrictRules.NAME)}): a schema outside the documented subset is refused with HTTP 400
 * and the body api.openai.com sends, for example {@code Invalid schema for response_format 'llmock_fixture': In
 * context=('properties', 'name'), 'maxLength' is not permitted.}; a compliant one, or one sent with
 * {@code "strict": false}, gets the stub's own answer. The rules are those of "Supported schemas" in OpenAI's Structured
 * Outputs guide: every object lists every property in {@code required} and sets {@code additionalProperties: false};
 * only the supported keywords appear.
 */
public final class OpenAiStrictRules implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "openai-strict-rules";

    private static final Set<String> SUPPORTED = Set.of("type", "description", "enum", "const", "anyOf", "$ref",
            "$defs", "definitions", "properties", "required", "additionalProperties", "items", "minItems", "maxItems",
            "pattern", "format", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum");

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        JsonNode format = LoopbackLlm.json(event.getRequest().getBodyAsString()).path("response_format");
        JsonNode jsonSchema = format.path("json_schema");
        if (!"json_schema".equals(format.path("type").asText()) || !jsonSchema.path("strict").asBoolean(false)) {
            return event.getResponseDefinition();
        }
        String problem = problem(jsonSchema.path("schema"), new ArrayList<>());
        if (problem == null) {
            return event.getResponseDefinition();
        }
        String message = "Invalid schema for response_format '" + jsonSchema.path("name").asText() + "': " + problem;
        return aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":" + Json.MAPPER.valueToTree(message) + ",\"type\":"
                        + "\"invalid_request_error\",\"param\":\"response_format\",\"code\":null}}")
                .build();
    }

    /** The first rule {@code schema} breaks, in OpenAI's words, or null. */
    private static String problem(JsonNode schema, List<String> context) {
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String keyword = names.next();
            if (!SUPPORTED.contains(keyword)) {
                return "In context=" + tuple(context) + ", '" + keyword + "' is not permitted.";
            }
        }
        boolean object = "object".equals(schema.path("type").asText()) || schema.has("properties");
        if (object) {
            JsonNode additional = schema.get("additionalProperties");
            if (additional == null || !additional.isBoolean() || additional.asBoolean()) {
                return "In context=" + tuple(context) + ", 'additionalProperties' is required to be supplied and to"
                        + " be false.";
            }
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!required.contains(name)) {
                    return "In context=" + tuple(context) + ", 'required' is required to be supplied and to be an"
                            + " array including every key in properties. Missing '" + name + "'.";
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String found = problem(property.getValue(), with(context, "properties", property.getKey()));
            if (found != null) {
                return found;
            }
        }
        if (schema.path("items").isObject()) {
            String found = problem(schema.get("items"), with(context, "items"));
            if (found != null) {
                return found;
            }
        }
        int branch = 0;
        for (JsonNode each : schema.path("anyOf")) {
            String found = problem(each, with(context, "anyOf", String.valueOf(branch++)));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<String> with(List<String> context, String... more) {
        List<String> longer = new ArrayList<>(context);
        longer.addAll(List.of(more));
        return longer;
    }

    /** As Python writes a tuple: {@code ()}, {@code ('items',)}, {@code ('properties', 'name')}. */
    private static String tuple(List<String> context) {
        if (context.isEmpty()) {
            return "()";
        }
        String inner = context.stream().map(part -> "'" + part + "'").collect(Collectors.joining(", "));
        return "(" + inner + (context.size() == 1 ? ",)" : ")");
    }
}

package dev.llmock.openapi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.openapi.OpenApiContent;
import dev.llmock.openapi.OpenApiException;
import dev.llmock.openapi.OpenApiOperation;
import dev.llmock.openapi.OpenApiParameter;
import dev.llmock.openapi.OpenApiRequestBody;
import dev.llmock.openapi.OpenApiResponse;
import dev.llmock.openapi.internal.SchemaConverter.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the operations out of a description's JSON: every method of every path, its parameters (path-level ones
 * under the operation's), request body and responses with references to {@code components} followed, and each
 * schema made complete by {@link SchemaConverter}.
 */
public final class OperationReader {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SpecReader.ReadSpec spec;
    private final SchemaConverter requests;
    private final SchemaConverter responses;

    private OperationReader(SpecReader.ReadSpec spec) {
        this.spec = spec;
        this.requests = new SchemaConverter(spec.tree(), Direction.REQUEST, spec.source());
        this.responses = new SchemaConverter(spec.tree(), Direction.RESPONSE, spec.source());
    }

    /**
     * What a description holds.
     *
     * @param title      {@code info.title}
     * @param version    the declared {@code openapi} version
     * @param operations every operation: paths in the order of the description, methods in the order of METHODS
     * @param webhooks   the names of its webhooks
     */
    public record Read(String title, String version, List<OpenApiOperation> operations, List<String> webhooks) {
    }

    public static Read read(SpecReader.ReadSpec spec) {
        return new OperationReader(spec).read();
    }

    private Read read() {
        ObjectNode tree = spec.tree();
        String rootBase = BasePath.of(tree.get("servers"));
        List<OpenApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) tree.path("paths")::fields) {
            JsonNode item = follow(path.getValue(), "/paths/" + Pointers.escape(path.getKey()));
            String itemBase = BasePath.of(item.get("servers"));
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation == null || !operation.isObject()) {
                    continue;
                }
                String at = "/paths/" + Pointers.escape(path.getKey()) + "/" + method;
                String base = firstNonNull(BasePath.of(operation.get("servers")), itemBase, rootBase, "");
                operations.add(operation(path.getKey(), method, base, item, operation, at));
            }
        }
        List<String> webhooks = new ArrayList<>();
        tree.path("webhooks").fieldNames().forEachRemaining(webhooks::add);
        return new Read(tree.path("info").path("title").asText(""), tree.path("openapi").asText(""),
                List.copyOf(operations), List.copyOf(webhooks));
    }

    private OpenApiOperation operation(String path, String method, String base, JsonNode item, JsonNode operation,
                                       String at) {
        String upper = method.toUpperCase(Locale.ROOT);
        String id = operation.path("operationId").asText("");
        Map<String, OpenApiParameter> parameters = new LinkedHashMap<>();
        parameters(item.path("parameters"), at.substring(0, at.lastIndexOf('/')) + "/parameters", parameters);
        parameters(operation.path("parameters"), at + "/parameters", parameters);
        OpenApiRequestBody body = null;
        if (operation.has("requestBody")) {
            JsonNode requestBody = follow(operation.get("requestBody"), at + "/requestBody");
            body = new OpenApiRequestBody(requestBody.path("required").asBoolean(false),
                    content(requestBody.path("content"), at + "/requestBody/content", requests, false));
        }
        Map<String, OpenApiResponse> answers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> response
                : (Iterable<Map.Entry<String, JsonNode>>) operation.path("responses")::fields) {
            String responseAt = at + "/responses/" + response.getKey();
            JsonNode resolved = follow(response.getValue(), responseAt);
            answers.put(response.getKey(), new OpenApiResponse(response.getKey(),
                    resolved.path("description").asText(""),
                    content(resolved.path("content"), responseAt + "/content", responses, true)));
        }
        return new OpenApiOperation(id.isBlank() ? upper + " " + path : id, upper, path, base,
                operation.path("summary").asText(""), operation.path("description").asText(""),
                List.copyOf(parameters.values()), body, answers);
    }

    private void parameters(JsonNode list, String at, Map<String, OpenApiParameter> into) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode parameter = follow(list.get(i), at + "/" + i);
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            JsonNode schema = parameter.get("schema");
            if (schema == null && parameter.path("content").isObject() && parameter.get("content").size() > 0) {
                schema = parameter.get("content").elements().next().get("schema");
            }
            ObjectNode converted = requests.convert(schema == null ? MAPPER.createObjectNode() : schema,
                    at + "/" + i + "/schema");
            into.put(in + ":" + name, new OpenApiParameter(name, in,
                    "path".equals(in) || parameter.path("required").asBoolean(false), converted));
        }
    }

    private List<OpenApiContent> content(JsonNode content, String at, SchemaConverter converter, boolean response) {
        List<OpenApiContent> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> media : (Iterable<Map.Entry<String, JsonNode>>) content::fields) {
            String mediaAt = at + "/" + Pointers.escape(media.getKey());
            boolean json = media.getKey().toLowerCase(Locale.ROOT).contains("json");
            List<JsonNode> examples = examples(media.getValue(), mediaAt, json);
            JsonNode schema = media.getValue().get("schema");
            if (schema != null && schema.isObject() && !schema.isEmpty()) {
                result.add(new OpenApiContent(media.getKey(), converter.convert(schema, mediaAt + "/schema"), false,
                        examples));
            } else if (response && !examples.isEmpty()) {
                result.add(new OpenApiContent(media.getKey(), ExampleSchema.of(examples.get(0)), true, examples));
            } else {
                ObjectNode any = MAPPER.createObjectNode().put("$schema", SchemaConverter.SCHEMA_DIALECT);
                any.put("type", "object");
                result.add(new OpenApiContent(media.getKey(), any, false, examples));
            }
        }
        return result;
    }

    /** {@code example}, then each of {@code examples}; a JSON document written as text is read as JSON. */
    private List<JsonNode> examples(JsonNode media, String at, boolean json) {
        List<JsonNode> examples = new ArrayList<>();
        if (media.has("example") && !media.get("example").isNull()) {
            examples.add(asJson(media.get("example"), json));
        }
        for (Map.Entry<String, JsonNode> named : (Iterable<Map.Entry<String, JsonNode>>) media.path("examples")::fields) {
            JsonNode example = follow(named.getValue(), at + "/examples/" + Pointers.escape(named.getKey()));
            if (example.has("value") && !example.get("value").isNull()) {
                examples.add(asJson(example.get("value"), json));
            }
        }
        return examples;
    }

    private static JsonNode asJson(JsonNode example, boolean json) {
        if (json && example.isTextual()) {
            String text = example.asText().strip();
            if (text.startsWith("{") || text.startsWith("[")) {
                try {
                    return MAPPER.readTree(text);
                } catch (JsonProcessingException e) {
                    return example; // text after all
                }
            }
        }
        return SchemaConverter.plainNumbers(example);
    }

    /** The object itself, or what its {@code $ref} points at in this description. */
    private JsonNode follow(JsonNode node, String at) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#") || hops > 16) {
                throw new OpenApiException(Messages.externalRef(spec.source(), ref, at));
            }
            JsonNode target = spec.tree().at(Pointers.fromFragment(ref));
            if (target.isMissingNode()) {
                throw new OpenApiException(Messages.danglingRef(spec.source(), ref, at));
            }
            current = target;
        }
        return current;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}

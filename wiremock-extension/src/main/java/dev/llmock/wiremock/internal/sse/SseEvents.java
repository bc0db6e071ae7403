package dev.llmock.wiremock.internal.sse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The events of one streamed answer, in LLMockApi's formats: the same JSON always gives the same events, so a
 * replayed answer streams exactly as it did when it was recorded.
 */
public final class SseEvents {
    /** Token events of one answer at most; longer texts are cut into this many chunks of whole tokens: {@value}. */
    static final int MAX_TOKEN_EVENTS = 200;

    private SseEvents() {
    }

    /** The data of each event, compact JSON, the last one carrying {@code "done":true}. */
    public static List<String> of(JsonNode json, SseMode mode) {
        switch (mode) {
            case COMPLETE_OBJECTS:
                return objects(json, false);
            case ARRAY_ITEMS:
                return objects(json, true);
            default:
                return tokens(json);
        }
    }

    private static List<String> tokens(JsonNode json) {
        String text = Json.compact(json);
        List<String> chunks = chunks(JsonTokens.of(text));
        List<String> events = new ArrayList<>();
        StringBuilder accumulated = new StringBuilder();
        for (String chunk : chunks) {
            accumulated.append(chunk);
            ObjectNode event = Json.MAPPER.createObjectNode();
            event.put("chunk", chunk);
            event.put("accumulated", accumulated.toString());
            event.put("done", false);
            events.add(Json.compact(event));
        }
        ObjectNode last = Json.MAPPER.createObjectNode();
        last.put("content", text);
        last.put("done", true);
        events.add(Json.compact(last));
        return events;
    }

    /** Whole tokens grouped so that there are at most {@value #MAX_TOKEN_EVENTS} chunks. */
    static List<String> chunks(List<String> tokens) {
        int perChunk = (tokens.size() + MAX_TOKEN_EVENTS - 1) / MAX_TOKEN_EVENTS;
        if (perChunk <= 1) {
            return tokens;
        }
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i += perChunk) {
            chunks.add(String.join("", tokens.subList(i, Math.min(tokens.size(), i + perChunk))));
        }
        return chunks;
    }

    private static List<String> objects(JsonNode json, boolean withArrayName) {
        String arrayName = null;
        List<JsonNode> items = new ArrayList<>();
        if (json.isArray()) {
            json.forEach(items::add);
        } else if (json.isObject() && firstArray(json) != null) {
            Map.Entry<String, JsonNode> array = firstArray(json);
            arrayName = array.getKey();
            array.getValue().forEach(items::add);
        } else {
            items.add(json);
        }
        List<String> events = new ArrayList<>();
        int total = items.size();
        for (int i = 0; i < Math.max(1, total); i++) {
            JsonNode item = i < total ? items.get(i) : null;
            ObjectNode event = Json.MAPPER.createObjectNode();
            event.set(withArrayName ? "item" : "data", item == null ? Json.MAPPER.nullNode() : item);
            event.put("index", i);
            event.put("total", total);
            if (withArrayName) {
                if (arrayName != null) {
                    event.put("arrayName", arrayName);
                }
                event.put("hasMore", i < total - 1);
            }
            event.put("done", i >= total - 1);
            events.add(Json.compact(event));
        }
        return events;
    }

    private static Map.Entry<String, JsonNode> firstArray(JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isArray()) {
                return field;
            }
        }
        return null;
    }
}

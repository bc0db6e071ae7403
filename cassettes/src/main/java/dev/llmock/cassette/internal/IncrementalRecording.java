package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Rule;
import dev.llmock.internal.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Incremental re-recording: a request that misses only because its shape gained properties reuses the nearest entry,
 * laying its recorded values over fresh data so that only the new fields change.
 */
final class IncrementalRecording {
    private final CassetteEntries entries;
    private final EntryCodec codec;

    IncrementalRecording(CassetteEntries entries, EntryCodec codec) {
        this.entries = entries;
        this.codec = codec;
    }

    /**
     * A recorded entry to grow.
     *
     * @param key       its key
     * @param entry     the entry
     * @param newFields JSON Pointers of the fields the request's shape adds
     */
    record Growth(String key, ObjectNode entry, List<String> newFields) {
    }

    /** An entry whose request differs only in a shape that has since gained properties, or null. */
    Growth find(FixtureRequest request) {
        ObjectNode wanted = codec.request(request);
        String label = request.label();
        // Only entries whose request differs at most in the shape are candidates: the index names them, so a miss
        // costs no pass over the entries (which made recording N entries quadratic in N).
        List<String> keys = new ArrayList<>();
        for (String key : entries.sameOutsideShape(wanted)) {
            ObjectNode entry = entries.get(key);
            if (entry != null && equalOutsideShape(entry.get("request"), wanted)) {
                keys.add(key);
            }
        }
        keys.sort(Comparator.<String, Boolean>comparing(k -> !Objects.equals(label, EntryCodec.test(entries.get(k))))
                .thenComparing(Comparator.naturalOrder()));
        for (String key : keys) {
            ObjectNode entry = entries.get(key);
            if (entry == null) {
                continue;
            }
            List<String> added = ShapeGrowth.addedFields(entry.get("request").path("shape"), wanted.path("shape"));
            if (added != null) {
                return new Growth(key, entry, added);
            }
        }
        return null;
    }

    /** The fresh fixture with the grown entry's values laid over it, when that still fits; else the fresh one. */
    Fixture apply(Growth growth, FixtureRequest request, Fixture generated) {
        JsonNode merged = ShapeGrowth.overlay(growth.entry().get("fixture"), generated.json());
        if (!fits(request, merged)) {
            return generated;
        }
        ObjectNode incremental = Json.MAPPER.createObjectNode();
        incremental.put("from", growth.key());
        ArrayNode newFields = incremental.putArray("newFields");
        growth.newFields().forEach(newFields::add);
        return new Fixture(merged, generated.provenance().withDetail("incremental", incremental));
    }

    /** Whether two requests are equal in every field but their shape. */
    static boolean equalOutsideShape(JsonNode recorded, JsonNode wanted) {
        if (recorded == null || !recorded.isObject()) {
            return false;
        }
        int outside = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = recorded.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("shape")) {
                continue;
            }
            outside++;
            if (!field.getValue().equals(wanted.get(field.getKey()))) {
                return false;
            }
        }
        return outside == wanted.size() - (wanted.has("shape") ? 1 : 0);
    }

    private static boolean fits(FixtureRequest request, JsonNode data) {
        if (request.count() == 1) {
            return fitsOne(request, data);
        }
        if (!data.isArray() || data.size() != request.count()) {
            return false;
        }
        for (JsonNode item : data) {
            if (!fitsOne(request, item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsOne(FixtureRequest request, JsonNode data) {
        if (!request.shape().validate(data).isEmpty()) {
            return false;
        }
        for (Rule check : request.checks()) {
            if (!check.check(data).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}

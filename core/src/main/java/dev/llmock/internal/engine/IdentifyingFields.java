package dev.llmock.internal.engine;

import com.fasterxml.jackson.core.JsonPointer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields that tell records apart, and the values the records made so far have in them, for the next calls of a
 * generating stage to avoid ({@link dev.llmock.spi.BackendRequest#avoid()}). A field identifies when it is a string
 * that is not a choice (names, emails, codes, titles) or a whole number named like an id; those named like
 * identifiers come first. The list is bounded: at most {@value #MAX_FIELDS} fields, the most recent
 * {@value #MAX_VALUES} values of each, none longer than {@value #MAX_VALUE_CHARS} characters (long values rarely
 * repeat), so that it never crowds a small model's context.
 */
final class IdentifyingFields {
    static final int MAX_FIELDS = 3;
    static final int MAX_VALUES = 20;
    static final int MAX_VALUE_CHARS = 40;
    private static final Pattern NAMED_LIKE_ID = Pattern.compile(
            "(?i).*(id|name|mail|code|key|sku|slug|login|handle|title|phone|isbn|number|serial)");
    private static final Set<String> DATES = Set.of("date", "date-time", "time");

    /** Per shape instance (a test's shapes are made once and asked for again and again), collected with it. */
    private static final Cache<Shape, IdentifyingFields> BY_SHAPE = Caffeine.newBuilder().weakKeys().build();

    private final List<String> pointers;
    /** The same pointers, parsed once: a look for values runs per call over thousands of records. */
    private final List<JsonPointer> compiled;

    private IdentifyingFields(List<String> pointers) {
        this.pointers = List.copyOf(pointers);
        this.compiled = this.pointers.stream().map(JsonPointer::compile).toList();
    }

    /** The identifying fields of {@code shape}'s records: its own value when a record is a plain string. */
    static IdentifyingFields of(Shape shape) {
        return BY_SHAPE.get(shape, IdentifyingFields::find);
    }

    private static IdentifyingFields find(Shape shape) {
        ShapeNode root = unwrap(ShapeAccess.node(shape));
        if (root instanceof ObjectShape object) {
            List<Map.Entry<String, ShapeNode>> fields = new ArrayList<>();
            for (Map.Entry<String, ShapeNode> property : object.properties().entrySet()) {
                if (rank(property.getKey(), unwrap(property.getValue())) >= 0) {
                    fields.add(property);
                }
            }
            fields.sort(Comparator.comparingInt(f -> rank(f.getKey(), unwrap(f.getValue()))));
            return new IdentifyingFields(fields.stream().limit(MAX_FIELDS).map(f -> JsonPointer.empty().appendProperty(f.getKey()).toString())
                    .toList());
        }
        return new IdentifyingFields(rank("", root) >= 0 ? List.of("") : List.of());
    }

    /** The JSON Pointers of the identifying fields, {@code ""} for whole records. */
    List<String> pointers() {
        return pointers;
    }

    /**
     * The values {@code records} (null for slots not yet made) have in the identifying fields, by pointer, the most
     * recent last; null when there are none.
     */
    JsonNode avoid(JsonNode[] records) {
        if (pointers.isEmpty()) {
            return null;
        }
        ObjectNode avoid = Json.MAPPER.createObjectNode();
        for (int p = 0; p < pointers.size(); p++) {
            String pointer = pointers.get(p);
            Deque<JsonNode> recent = new ArrayDeque<>();
            Set<JsonNode> seen = new LinkedHashSet<>();
            for (int i = records.length - 1; i >= 0 && recent.size() < MAX_VALUES; i--) {
                JsonNode value = records[i] == null ? null : records[i].at(compiled.get(p));
                if (listable(value) && seen.add(value)) {
                    recent.addFirst(value);
                }
            }
            if (!recent.isEmpty()) {
                ArrayNode values = avoid.putArray(pointer);
                recent.forEach(values::add);
            }
        }
        return avoid.isEmpty() ? null : avoid;
    }

    /**
     * A hash of {@code record} that equal records share (as {@link JsonNode#hashCode()}, which it is when there are no
     * identifying fields), taken from the identifying values only: cheaper on wide records, and records that differ
     * there differ anyway.
     */
    int fingerprint(JsonNode record) {
        if (compiled.isEmpty()) {
            return record.hashCode();
        }
        int hash = 1;
        for (JsonPointer pointer : compiled) {
            hash = 31 * hash + record.at(pointer).hashCode();
        }
        return hash;
    }

    private static boolean listable(JsonNode value) {
        return value != null && (value.isTextual() && !value.asText().isBlank()
                && value.asText().length() <= MAX_VALUE_CHARS || value.isIntegralNumber());
    }

    /** 0 for a field named like an identifier, 1 for another free string, -1 for a field that does not identify. */
    private static int rank(String name, ShapeNode shape) {
        boolean named = NAMED_LIKE_ID.matcher(name).matches();
        if (shape instanceof StringShape string) {
            if (!string.enumValues().isEmpty() || string.format() != null && DATES.contains(string.format())) {
                return -1;
            }
            return named ? 0 : 1;
        }
        if (shape instanceof NumberShape number && number.integer()) {
            return named && name.toLowerCase(Locale.ROOT).endsWith("id") ? 0 : -1;
        }
        return -1;
    }

    private static ShapeNode unwrap(ShapeNode shape) {
        return shape instanceof NullableShape nullable ? nullable.value() : shape;
    }
}

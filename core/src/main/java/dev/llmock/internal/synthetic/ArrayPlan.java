package dev.llmock.internal.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.shape.SchemaIndex.Located;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What an array must be: its length bounds ({@code minItems}, {@code maxItems}, closed tuples), the schemas of each
 * position ({@code prefixItems}, {@code items}; the array forms of drafts before 2020-12), and how many items must
 * match each {@code contains}.
 */
final class ArrayPlan {
    private final Conjunction conjunction;
    private final String at;
    private int min;
    private Integer max;
    private int prefix;
    private int needed;
    private final List<Located> containsAtMost = new ArrayList<>();
    private final List<Located> containsAtLeast = new ArrayList<>();
    private String uniquePointer;

    ArrayPlan(Conjunction conjunction, String at) {
        this.conjunction = conjunction;
        this.at = at;
        for (Located schema : conjunction.all()) {
            read(schema);
        }
        if (max != null && min > max) {
            throw new Unsatisfied("minItems", at, at, "minItems " + min + " is above maxItems " + max);
        }
    }

    private void read(Located schema) {
        JsonNode node = schema.schema();
        if (node.path("minItems").isNumber()) {
            min = Math.max(min, node.get("minItems").asInt());
        }
        if (node.path("maxItems").isNumber()) {
            cap(node.get("maxItems").asInt());
        }
        JsonNode tuple = tuple(node);
        int size = tuple == null ? 0 : tuple.size();
        prefix = Math.max(prefix, size);
        JsonNode rest = tuple != null && node.get("items") != null && node.get("items").isArray()
                ? node.get("additionalItems") : tuple == null || node.has("prefixItems") ? node.get("items") : null;
        if (rest != null && rest.isBoolean() && !rest.asBoolean()) {
            cap(size);
        }
        if (node.has("contains")) {
            Located contains = Conjunction.child(schema, "contains", node.get("contains"));
            int least = node.path("minContains").isNumber() ? node.get("minContains").asInt() : 1;
            needed = Math.max(needed, least);
            containsAtLeast.add(contains);
            if (node.path("maxContains").isNumber()) {
                containsAtMost.add(contains);
                if (node.get("maxContains").asInt() < least) {
                    throw new Unsatisfied("maxContains", schema.pointer() + "/maxContains", at,
                            "maxContains is below minContains");
                }
            }
        }
        if (node.path("uniqueItems").asBoolean(false)) {
            uniquePointer = schema.pointer() + "/uniqueItems";
        }
    }

    private void cap(int value) {
        max = max == null ? value : Math.min(max, value);
    }

    /** {@code prefixItems}, or {@code items} as an array (drafts before 2020-12). */
    private static JsonNode tuple(JsonNode node) {
        if (node.path("prefixItems").isArray()) {
            return node.get("prefixItems");
        }
        return node.path("items").isArray() ? node.get("items") : null;
    }

    /** How many items to make: the tuple when there is one, else one to three, within every bound. */
    int size(boolean onlyRequired, int attempt, Random random) {
        int lower = Math.max(min, needed);
        int upper = max != null ? max : Math.max(lower, Math.max(prefix, 3));
        if (lower > upper) {
            throw new Unsatisfied("maxItems", at, at, "the array must hold " + lower + " items but may hold only "
                    + upper);
        }
        if (onlyRequired) {
            return lower;
        }
        int wanted = prefix > 0 ? prefix : 1 + random.nextInt(3);
        if (attempt > 0) {
            wanted = lower + random.nextInt(upper - lower + 1);
        }
        return Math.max(lower, Math.min(upper, wanted));
    }

    /** The schemas item {@code index} of {@code size} must match; the last items are those {@code contains} counts. */
    List<Located> schemasAt(int index, int size) {
        List<Located> schemas = new ArrayList<>();
        for (Located schema : conjunction.all()) {
            JsonNode node = schema.schema();
            JsonNode tuple = tuple(node);
            if (tuple != null && index < tuple.size()) {
                String keyword = node.has("prefixItems") ? "prefixItems" : "items";
                schemas.add(Conjunction.child(schema, keyword + "/" + index, tuple.get(index)));
            } else if (tuple != null && !node.has("prefixItems") && node.has("additionalItems")) {
                schemas.add(Conjunction.child(schema, "additionalItems", node.get("additionalItems")));
            } else if ((tuple == null || node.has("prefixItems")) && node.has("items")) {
                schemas.add(Conjunction.child(schema, "items", node.get("items")));
            }
        }
        if (index >= size - needed) {
            schemas.addAll(containsAtLeast);
        }
        return schemas;
    }

    /** The schemas item {@code index} of {@code size} must not match: the others, where {@code maxContains} counts. */
    List<Located> avoidAt(int index, int size) {
        return index >= size - needed ? List.of() : containsAtMost;
    }

    boolean unique() {
        return uniquePointer != null;
    }

    String uniquePointer() {
        return uniquePointer;
    }

}

package dev.llmock.internal.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmock.internal.shape.EcmaRegex;
import dev.llmock.internal.shape.SchemaDocument;
import dev.llmock.internal.shape.SchemaIndex.Located;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Which properties an object gets: the required ones, the declared optional ones (all on the first try, some on
 * later tries, none deep in a recursive schema), what {@code dependentRequired} and {@code dependentSchemas} add,
 * enough further names for {@code minProperties}, and no more than {@code maxProperties}; each name accepted by
 * {@code propertyNames} and allowed where {@code additionalProperties} is false.
 */
final class ObjectPlan {
    private static final int MORE_NAMES_TRIES = 20;

    private final Conjunction conjunction;
    private final SchemaDocument document;
    private final Random random;
    private final SchemaStrings strings;
    private final String at;
    private final Set<String> names = new LinkedHashSet<>();
    private final Set<String> required = new LinkedHashSet<>();
    private final Set<String> dependentAdded = new LinkedHashSet<>();

    ObjectPlan(Conjunction conjunction, SchemaDocument document, SchemaStrings strings, String at) {
        this.conjunction = conjunction;
        this.document = document;
        this.strings = strings;
        this.random = strings.random();
        this.at = at;
    }

    /** The chosen names, in the schema's order. */
    Set<String> names() {
        return names;
    }

    /**
     * Chooses the names.
     *
     * @param onlyRequired  deep in a recursive schema: no optional property
     * @param newName       makes a further name from the {@code propertyNames} schemas (null when it cannot)
     */
    void choose(boolean onlyRequired, int attempt, BiFunction<List<Located>, String, String> newName) {
        for (int round = 0; round < 4; round++) {
            Set<String> declared = new LinkedHashSet<>();
            for (Located schema : conjunction.all()) {
                schema.schema().path("properties").fieldNames().forEachRemaining(declared::add);
                schema.schema().path("required").forEach(name -> required.add(name.asText()));
            }
            for (String name : declared) {
                boolean optional = !required.contains(name);
                if (names.contains(name) || optional && (onlyRequired || attempt > 0 && random.nextBoolean())) {
                    continue;
                }
                names.add(name);
            }
            names.addAll(required);
            dependencies();
            if (!dependentSchemas()) {
                break;
            }
        }
        names.removeIf(name -> !allowed(name) && !required.contains(name));
        for (String name : names) {
            if (!allowed(name)) {
                throw new Unsatisfied("required", at, at, "the required property \"" + name
                        + "\" is not allowed by the schema's other keywords");
            }
        }
        int min = bound("minProperties", true);
        for (int tries = 0; names.size() < min && tries < MORE_NAMES_TRIES; tries++) {
            String name = moreName(tries, attempt, newName);
            if (name != null && !names.contains(name) && allowed(name)) {
                names.add(name);
                dependencies();
            }
        }
        if (names.size() < min) {
            throw new Unsatisfied("minProperties", at, at, "no further property names are allowed");
        }
        int max = bound("maxProperties", false);
        // After two failed tries an open object may carry one property more: some schemas ("not" empty) need one.
        if (attempt > 1 && names.size() < max && random.nextBoolean()) {
            String name = moreName(attempt, attempt, newName);
            if (name != null && !names.contains(name) && allowed(name)) {
                names.add(name);
            }
        }
        List<String> removable = new ArrayList<>(names);
        removable.removeAll(required);
        for (int i = removable.size() - 1; i >= 0 && names.size() > max; i--) {
            names.remove(removable.get(i));
        }
        if (names.size() > max) {
            throw new Unsatisfied("maxProperties", at, at, "the required properties are more than maxProperties");
        }
    }

    private void dependencies() {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Located schema : conjunction.all()) {
                for (String keyword : List.of("dependentRequired", "dependencies")) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = schema.schema().path(keyword).fields();
                         it.hasNext(); ) {
                        Map.Entry<String, JsonNode> entry = it.next();
                        if (names.contains(entry.getKey()) && entry.getValue().isArray()) {
                            for (JsonNode needed : entry.getValue()) {
                                grew |= names.add(needed.asText());
                                required.add(needed.asText());
                            }
                        }
                    }
                }
            }
        }
    }

    /** Adds the dependent schemas of present names; true when one was added, so the names are read again. */
    private boolean dependentSchemas() {
        boolean added = false;
        for (Located schema : List.copyOf(conjunction.all())) {
            for (String keyword : List.of("dependentSchemas", "dependencies")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.schema().path(keyword).fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    String key = schema.pointer() + "/" + keyword + "/" + entry.getKey();
                    if (names.contains(entry.getKey()) && !entry.getValue().isArray() && dependentAdded.add(key)) {
                        conjunction.add(Conjunction.child(schema, keyword + "/"
                                + SchemaGenerator.escape(entry.getKey()), entry.getValue()));
                        added = true;
                    }
                }
            }
        }
        return added;
    }

    private String moreName(int tries, int attempt, BiFunction<List<Located>, String, String> newName) {
        List<Located> propertyNames = new ArrayList<>();
        // Declared names first, except on later attempts, where one of them may be what made the object fail.
        boolean declaredFirst = attempt == 0 || random.nextBoolean();
        for (Located schema : conjunction.all()) {
            JsonNode declared = schema.schema().path("properties");
            for (Iterator<String> it = declared.fieldNames(); it.hasNext() && declaredFirst; ) {
                String name = it.next();
                if (!names.contains(name)) {
                    return name;
                }
            }
            if (schema.schema().has("propertyNames")) {
                propertyNames.add(Conjunction.child(schema, "propertyNames", schema.schema().get("propertyNames")));
            }
        }
        List<String> patterns = new ArrayList<>();
        for (Located schema : conjunction.all()) {
            schema.schema().path("patternProperties").fieldNames().forEachRemaining(patterns::add);
        }
        // Alternate between the patterns' names and free names, so that one that never fits does not block the other.
        if (!patterns.isEmpty() && tries % 2 == 0) {
            String name = strings.fromPattern(patterns.get(tries / 2 % patterns.size()));
            if (name != null && !names.contains(name)) {
                return name;
            }
        }
        String name = newName.apply(propertyNames, at);
        return name == null || !names.contains(name) ? name : name + tries;
    }

    /** Whether every schema here allows a property called {@code name}. */
    private boolean allowed(String name) {
        for (Located schema : conjunction.all()) {
            JsonNode node = schema.schema();
            if (node.path("properties").path(name).isBoolean() && !node.path("properties").get(name).asBoolean()) {
                return false;
            }
            if (node.has("propertyNames") && !document.fits(schema.pointer() + "/propertyNames",
                    TextNode.valueOf(name))) {
                return false;
            }
            boolean closed = node.path("additionalProperties").isBoolean() && !node.get("additionalProperties")
                    .asBoolean() || node.path("unevaluatedProperties").isBoolean()
                    && !node.get("unevaluatedProperties").asBoolean() && !declaredAnywhere(name);
            if (closed && !node.path("properties").has(name) && !matchesPattern(node, name)) {
                return false;
            }
        }
        return true;
    }

    private boolean declaredAnywhere(String name) {
        for (Located schema : conjunction.all()) {
            if (schema.schema().path("properties").has(name) || matchesPattern(schema.schema(), name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesPattern(JsonNode node, String name) {
        for (Iterator<String> it = node.path("patternProperties").fieldNames(); it.hasNext(); ) {
            if (EcmaRegex.finds(it.next(), name)) {
                return true;
            }
        }
        return false;
    }

    private int bound(String keyword, boolean lower) {
        int bound = lower ? 0 : Integer.MAX_VALUE;
        for (Map.Entry<Located, JsonNode> each : conjunction.values(keyword)) {
            if (each.getValue().isNumber()) {
                bound = lower ? Math.max(bound, each.getValue().asInt()) : Math.min(bound, each.getValue().asInt());
            }
        }
        return bound;
    }

    /** The schemas the value of property {@code name} must match, across every schema that applies here. */
    List<Located> schemasOf(String name) {
        List<Located> schemas = new ArrayList<>();
        for (Located schema : conjunction.all()) {
            JsonNode node = schema.schema();
            boolean matched = false;
            if (node.path("properties").has(name)) {
                schemas.add(Conjunction.child(schema, "properties/" + SchemaGenerator.escape(name),
                        node.get("properties").get(name)));
                matched = true;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("patternProperties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> pattern = it.next();
                if (EcmaRegex.finds(pattern.getKey(), name)) {
                    schemas.add(Conjunction.child(schema, "patternProperties/"
                            + SchemaGenerator.escape(pattern.getKey()), pattern.getValue()));
                    matched = true;
                }
            }
            if (!matched && node.has("additionalProperties")) {
                schemas.add(Conjunction.child(schema, "additionalProperties", node.get("additionalProperties")));
            } else if (!matched && node.path("unevaluatedProperties").isObject() && !declaredAnywhere(name)) {
                schemas.add(Conjunction.child(schema, "unevaluatedProperties", node.get("unevaluatedProperties")));
            }
        }
        return schemas;
    }
}

package dev.llmock.internal.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.shape.SchemaIndex.Located;
import dev.llmock.internal.shape.SchemaIndex;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Every schema that applies to one place of the instance, flattened: {@code $ref}, {@code allOf} and the chosen
 * option of each {@code anyOf}, {@code oneOf} and {@code if} are followed; what must not match ({@code not}, the
 * options {@code oneOf} did not choose, an {@code if} whose {@code else} was chosen) is kept apart.
 */
final class Conjunction {
    /** How often one reference may be followed inside one flattening before it counts as a loop. */
    private static final int SAME_REFERENCE = 2;

    private final SchemaIndex index;
    private final Random random;
    /** The resources on the way to the schema being flattened, outermost first: where {@code $dynamicRef} looks. */
    private final List<URI> dynamicScope;
    /** Every resource entered here, for the places below this one. */
    private final List<URI> entered;
    private final String at;
    private final List<Located> all = new ArrayList<>();
    private final List<Located> nots = new ArrayList<>();
    private final Map<String, Integer> followed = new HashMap<>();

    private Conjunction(SchemaIndex index, Random random, List<URI> dynamicScope, String at) {
        this.index = index;
        this.random = random;
        this.dynamicScope = new ArrayList<>(dynamicScope);
        this.entered = new ArrayList<>(dynamicScope);
        this.at = at;
    }

    /**
     * Flattens {@code inputs}, choosing among options at random.
     *
     * @param at the instance's JSON Pointer, for messages
     * @throws Unsatisfied when a {@code false} schema or a reference loop leaves no value
     */
    static Conjunction of(List<Located> inputs, SchemaIndex index, Random random, List<URI> dynamicScope, String at) {
        Conjunction conjunction = new Conjunction(index, random, dynamicScope, at);
        inputs.forEach(conjunction::add);
        return conjunction;
    }

    List<Located> all() {
        return all;
    }

    List<Located> nots() {
        return nots;
    }

    /** The schema resources entered here, outermost first: the dynamic scope of the places below. */
    List<URI> scope() {
        return entered;
    }

    /** Adds one more schema (a dependent schema of an object) with its own choices. */
    void add(Located schema) {
        JsonNode node = schema.schema();
        if (node.isBoolean()) {
            if (!node.asBoolean()) {
                throw new Unsatisfied("false", schema.pointer(), at, "the schema is false, so no value fits");
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        all.add(schema);
        boolean resource = (schema.pointer().isEmpty() || node.path("$id").isTextual())
                && !dynamicScope.contains(schema.base());
        if (resource) {
            dynamicScope.add(schema.base());
            if (!entered.contains(schema.base())) {
                entered.add(schema.base());
            }
        }
        try {
            flatten(schema, node);
        } finally {
            if (resource) {
                // Leaving the resource: a sibling's $dynamicRef must not see it.
                dynamicScope.remove(dynamicScope.size() - 1);
            }
        }
    }

    private void flatten(Located schema, JsonNode node) {
        if (node.path("$ref").isTextual()) {
            follow(schema, node.get("$ref").asText(), "$ref");
        }
        if (node.path("$dynamicRef").isTextual()) {
            follow(schema, node.get("$dynamicRef").asText(), "$dynamicRef");
        }
        if (node.path("$recursiveRef").isTextual()) {
            follow(schema, node.get("$recursiveRef").asText(), "$recursiveRef");
        }
        each(schema, "allOf", this::add);
        if (node.path("anyOf").isArray() && node.get("anyOf").size() > 0) {
            int chosen = random.nextInt(node.get("anyOf").size());
            add(child(schema, "anyOf/" + chosen, node.get("anyOf").get(chosen)));
        }
        if (node.path("oneOf").isArray() && node.get("oneOf").size() > 0) {
            JsonNode options = node.get("oneOf");
            int chosen = random.nextInt(options.size());
            for (int i = 0; i < options.size(); i++) {
                Located option = child(schema, "oneOf/" + i, options.get(i));
                if (i == chosen) {
                    add(option);
                } else {
                    nots.add(option);
                }
            }
        }
        if (node.has("not")) {
            nots.add(child(schema, "not", node.get("not")));
        }
        if (node.has("if") && (node.has("then") || node.has("else"))) {
            Located condition = child(schema, "if", node.get("if"));
            if (random.nextBoolean()) {
                add(condition);
                if (node.has("then")) {
                    add(child(schema, "then", node.get("then")));
                }
            } else {
                nots.add(condition);
                if (node.has("else")) {
                    add(child(schema, "else", node.get("else")));
                }
            }
        }
    }

    private void follow(Located from, String ref, String keyword) {
        Located target = keyword.equals("$ref") ? index.resolve(from.base(), ref) : dynamic(from, ref, keyword);
        if (target == null && ref.matches("https?://json-schema\\.org/.*")) {
            return; // a meta-schema: the validator has it, and judges each value against it
        }
        if (target == null) {
            throw new Unsatisfied(keyword, from.pointer() + "/" + keyword, at, "\"" + ref
                    + "\" points outside the schema document");
        }
        int times = followed.merge(target.pointer(), 1, Integer::sum);
        if (times > SAME_REFERENCE) {
            throw new Unsatisfied(keyword, from.pointer() + "/" + keyword, at, "\"" + ref
                    + "\" refers back to itself without describing any data");
        }
        add(target);
    }

    /** {@code $dynamicRef}: the outermost resource in the dynamic scope with a matching anchor wins. */
    private Located dynamic(Located from, String ref, String keyword) {
        if (keyword.equals("$recursiveRef")) {
            for (URI resource : dynamicScope) {
                Located root = index.resolve(resource, "#");
                if (root != null && root.schema().path("$recursiveAnchor").asBoolean(false)) {
                    return root;
                }
            }
            return index.resolve(from.base(), ref);
        }
        Located initial = index.resolve(from.base(), ref);
        int hash = ref.indexOf('#');
        String anchor = hash < 0 ? "" : ref.substring(hash + 1);
        if (initial == null || anchor.isEmpty() || anchor.startsWith("/")
                || !anchor.equals(initial.schema().path("$dynamicAnchor").asText(null))) {
            return initial;
        }
        for (URI resource : dynamicScope) {
            Located found = index.dynamicAnchor(resource, anchor);
            if (found != null) {
                return found;
            }
        }
        return initial;
    }

    private void each(Located schema, String keyword, Consumer<Located> action) {
        JsonNode list = schema.schema().get(keyword);
        if (list != null && list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                action.accept(child(schema, keyword + "/" + i, list.get(i)));
            }
        }
    }

    static Located child(Located parent, String path, JsonNode node) {
        String pointer = parent.pointer() + "/" + path;
        URI base = parent.base();
        JsonNode id = node.path("$id");
        if (id.isTextual() && !id.asText().startsWith("#")) {
            try {
                base = base.resolve(new URI(id.asText()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                // keep the parent's base
            }
        }
        return new Located(node, pointer, base);
    }

    /** Every value of {@code keyword} among the flattened schemas, with the schema it belongs to. */
    List<Map.Entry<Located, JsonNode>> values(String keyword) {
        List<Map.Entry<Located, JsonNode>> values = new ArrayList<>();
        for (Located schema : all) {
            JsonNode value = schema.schema().get(keyword);
            if (value != null) {
                values.add(Map.entry(schema, value));
            }
        }
        return values;
    }

    boolean has(String keyword) {
        return all.stream().anyMatch(schema -> schema.schema().has(keyword));
    }
}

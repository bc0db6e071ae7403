package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.LlmockConfig;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;

/**
 * Routing by complexity, scored as LLMockApi's seed does: fields / 5 (at most 3), nesting depth (at most 3), 2 when
 * there are arrays, 1 per rule; at most 10, at least 1. Scores 1-3 are {@code simple}, 4-7 {@code medium},
 * 8-10 {@code complex}; config {@code routing} maps each tier to a backend, the default backend serving tiers it omits.
 */
final class Routing {
    static final String SIMPLE = "simple";
    static final String MEDIUM = "medium";
    static final String COMPLEX = "complex";

    private Routing() {
    }

    /** The choice for one shape and rule count. */
    record Choice(int score, String tier, String backend, boolean configured) {
        ObjectNode toJson() {
            ObjectNode json = Json.MAPPER.createObjectNode();
            json.put("score", score);
            json.put("tier", tier);
            json.put("backend", backend);
            json.put("configured", configured);
            return json;
        }
    }

    static Choice choose(ShapeNode shape, int rules, LlmockConfig config) {
        int score = score(shape, rules);
        String tier = tier(score);
        String backend = config.route(tier).orElse(null);
        return backend != null ? new Choice(score, tier, backend, true)
                : new Choice(score, tier, config.resolveDefaultBackend(), false);
    }

    static int score(ShapeNode shape, int rules) {
        int score = Math.min(fields(shape) / 5, 3) + Math.min(depth(shape), 3) + (hasArrays(shape) ? 2 : 0) + rules;
        return Math.max(1, Math.min(score, 10));
    }

    static String tier(int score) {
        if (score <= 3) {
            return SIMPLE;
        }
        return score <= 7 ? MEDIUM : COMPLEX;
    }

    /** Properties at every level. */
    static int fields(ShapeNode shape) {
        ShapeNode node = unwrap(shape);
        if (node instanceof ObjectShape object) {
            return object.properties().size() + object.properties().values().stream().mapToInt(Routing::fields).sum();
        }
        if (node instanceof ArrayShape array) {
            return fields(array.items());
        }
        if (node instanceof MapShape map) {
            return fields(map.values());
        }
        return 0;
    }

    /** Objects nested in objects: {@code {"name": "string"}} is 1. */
    static int depth(ShapeNode shape) {
        ShapeNode node = unwrap(shape);
        if (node instanceof ObjectShape object) {
            return 1 + object.properties().values().stream().mapToInt(Routing::depth).max().orElse(0);
        }
        if (node instanceof ArrayShape array) {
            return depth(array.items());
        }
        if (node instanceof MapShape map) {
            return 1 + depth(map.values());
        }
        return 0;
    }

    static boolean hasArrays(ShapeNode shape) {
        ShapeNode node = unwrap(shape);
        if (node instanceof ArrayShape) {
            return true;
        }
        if (node instanceof ObjectShape object) {
            return object.properties().values().stream().anyMatch(Routing::hasArrays);
        }
        return node instanceof MapShape map && hasArrays(map.values());
    }

    private static ShapeNode unwrap(ShapeNode shape) {
        return shape instanceof NullableShape nullable ? nullable.value() : shape;
    }
}

package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.LlmockConfig;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Routing by complexity with the formula of LLMockApi's seed ({@code analyzeComplexity}, pattern 4): the shape's
 * top-level field count / 5 (a real division, at most 3), plus its nesting depth (at most 3), plus 2 when it has an
 * array (the seed looks for {@code [} in the shape's JSON text), plus 1 per rule; the sum capped at 10. The score the
 * tiers read is that sum rounded half up to a whole number: 1-3 (and 0) {@code simple}, 4-7 {@code medium}, 8-10
 * {@code complex}. Config {@code routing} maps each tier to a backend, the default backend serving tiers it omits.
 *
 * <p>The seed leaves {@code getMaxDepth} undefined; here an object or array is one level deeper than its deepest
 * value, a scalar none, so {@code {"name":"string"}} has depth 1, as the seed's example (score 1) needs.
 */
final class Routing {
    static final String SIMPLE = "simple";
    static final String MEDIUM = "medium";
    static final String COMPLEX = "complex";

    private Routing() {
    }

    /** The terms of the formula for one shape and rule count. */
    record Factors(int fields, int depth, boolean arrays, int rules) {
        static Factors of(ShapeNode shape, int rules) {
            return new Factors(topLevelFields(shape), Routing.depth(shape), hasArrays(shape), rules);
        }

        /** The seed's score before rounding: fields / 5 (at most 3) + depth (at most 3) + 2 for arrays + rules. */
        double exact() {
            double sum = Math.min(fields / 5.0, 3) + Math.min(depth, 3) + (arrays ? 2 : 0) + rules;
            return Math.min(sum, 10);
        }

        /** {@link #exact()} rounded half up (5.5 is 6), the score the tiers read. */
        int score() {
            return BigDecimal.valueOf(exact()).setScale(0, RoundingMode.HALF_UP).intValueExact();
        }

        /** {@link #exact()} rounded half up (5.5 is 6), the score the tiers read. */
    }

    /** The choice for one shape and rule count. */
    record Choice(Factors factors, String tier, String backend, boolean configured) {

        ObjectNode toJson() {
            ObjectNode json = Json.MAPPER.createObjectNode();
            json.put("score", factors.score());
            json.put("exactScore", BigDecimal.valueOf(factors.exact()).stripTrailingZeros());
            ObjectNode terms = json.putObject("factors");
            terms.put("fields", factors.fields());
            terms.put("depth", factors.depth());
            terms.put("arrays", factors.arrays());
            terms.put("rules", factors.rules());
            json.put("tier", tier);
            json.put("backend", backend);
            json.put("configured", configured);
            return json;
        }
    }

    static Choice choose(ShapeNode shape, int rules, LlmockConfig config) {
        Factors factors = Factors.of(shape, rules);
        String tier = tier(factors.score());
        String backend = config.route(tier).orElse(null);
        return backend != null ? new Choice(factors, tier, backend, true)
                : new Choice(factors, tier, config.resolveDefaultBackend(), false);
    }

    static String tier(int score) {
        if (score <= 3) {
            return SIMPLE;
        }
        return score <= 7 ? MEDIUM : COMPLEX;
    }

    /**
     * The seed's {@code Object.keys(shape).length}: an object's properties; a list counts as one (the one element of a
     * template's array), a map as one (its one key pattern); a scalar has none.
     */
    static int topLevelFields(ShapeNode shape) {
        ShapeNode node = unwrap(shape);
        if (node instanceof ObjectShape object) {
            return object.properties().size();
        }
        return node instanceof ArrayShape || node instanceof MapShape ? 1 : 0;
    }

    /** Levels of objects and arrays: {@code {"name": "string"}} is 1, {@code {"tags": ["string"]}} is 2. */
    static int depth(ShapeNode shape) {
        ShapeNode node = unwrap(shape);
        if (node instanceof ObjectShape object) {
            return 1 + object.properties().values().stream().mapToInt(Routing::depth).max().orElse(0);
        }
        if (node instanceof ArrayShape array) {
            return 1 + depth(array.items());
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

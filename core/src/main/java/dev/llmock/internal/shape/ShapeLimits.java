package dev.llmock.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Setting;
import dev.llmock.SettingResolver;
import dev.llmock.ShapeException;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * How large a shape may be, checked before anything walks it: its nesting depth and its number of parts, on the JSON
 * as read (so that no recursion meets a shape nested hundreds of levels deep), and the number of values one record can
 * expand to (arrays nested in arrays multiply: 30 levels of {@code [[...]]} would be billions), estimated on the parsed
 * shape before anything is generated. Each limit is a {@link Setting}: a system property or environment variable.
 */
public final class ShapeLimits {
    /** System property for the deepest nesting of a shape's JSON: {@value}. */
    public static final String MAX_DEPTH_PROPERTY = "llmock.shape.maxDepth";
    /** System property for the most parts (JSON values and enum choices) in a shape: {@value}. */
    public static final String MAX_NODES_PROPERTY = "llmock.shape.maxNodes";
    /** System property for the most values one record of a shape may expand to: {@value}. */
    public static final String MAX_VALUES_PROPERTY = "llmock.shape.maxValues";

    /** The deepest nesting of a shape's JSON (each object and array is a level). */
    public static final Setting<Integer> MAX_DEPTH = limit(MAX_DEPTH_PROPERTY, "LLMOCK_SHAPE_MAX_DEPTH", 64);
    /** The most JSON values and enum choices in one shape. */
    public static final Setting<Integer> MAX_NODES = limit(MAX_NODES_PROPERTY, "LLMOCK_SHAPE_MAX_NODES", 100_000);
    /** The most values one record of a shape may hold, arrays taken at the generator's largest size. */
    public static final Setting<Integer> MAX_VALUES = limit(MAX_VALUES_PROPERTY, "LLMOCK_SHAPE_MAX_VALUES", 100_000);

    /** Arrays without bounds get at most this many items from the synthetic generator. */
    private static final int GENERATED_ITEMS = 3;

    private ShapeLimits() {
    }

    private static Setting<Integer> limit(String property, String env, int defaultValue) {
        return Setting.<Integer>newBuilder().property(property).env(env)
                .parser((text, source) -> positive(Integer.parseInt(text.trim())), "a whole number of at least 1")
                .defaultValue(defaultValue).build();
    }

    private static int positive(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("not positive: " + value);
        }
        return value;
    }

    /**
     * Checks the depth and the number of parts of a shape's JSON, without recursion.
     *
     * @throws ShapeException naming the limit and its property
     */
    public static void checkTree(JsonNode tree) {
        SettingResolver settings = SettingResolver.system();
        int maxDepth = settings.get(MAX_DEPTH);
        int maxNodes = settings.get(MAX_NODES);
        Deque<JsonNode> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(tree);
        depths.push(tree.isContainerNode() ? 1 : 0);
        long count = 0;
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.pop();
            int depth = depths.pop();
            if (depth > maxDepth) {
                throw new ShapeException(Messages.tooDeep(depth, maxDepth));
            }
            count += node.isTextual() ? choices(node.asText()) : 1;
            if (count > maxNodes) {
                throw new ShapeException(Messages.tooLarge(maxNodes));
            }
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                JsonNode child = children.next();
                nodes.push(child);
                depths.push(child.isContainerNode() ? depth + 1 : depth);
            }
        }
    }

    /** A template's {@code "a|b|c"} is three parts. */
    private static long choices(String text) {
        return 1 + text.chars().filter(c -> c == '|').count();
    }

    /**
     * Checks how many values one record of {@code root} can hold, before any is generated.
     *
     * @throws ShapeException naming the estimate, the limit and its property
     */
    public static void checkExpansion(ShapeNode root) {
        long limit = SettingResolver.system().get(MAX_VALUES);
        long values = values(root);
        if (values > limit) {
            throw new ShapeException(Messages.expandsTooFar(values, limit));
        }
    }

    /** The most values one record of {@code node} holds; the depth is already checked, so recursion is safe. */
    static long values(ShapeNode node) {
        if (node instanceof ObjectShape object) {
            long sum = 1;
            for (Map.Entry<String, ShapeNode> property : object.properties().entrySet()) {
                sum = saturatedAdd(sum, values(property.getValue()));
            }
            return sum;
        }
        if (node instanceof ArrayShape array) {
            return saturatedMultiply(items(array), values(array.items()));
        }
        if (node instanceof MapShape map) {
            int entries = map.maxProperties() == null ? GENERATED_ITEMS : Math.min(GENERATED_ITEMS, map.maxProperties());
            return saturatedMultiply(Math.max(1, entries), values(map.values()));
        }
        if (node instanceof NullableShape nullable) {
            return values(nullable.value());
        }
        return 1;
    }

    /** The generator's largest size for an array: its minimum when above three, else up to three (within maxItems). */
    private static long items(ArrayShape array) {
        int min = array.minItems() == null ? 1 : array.minItems();
        int max = array.maxItems() == null ? GENERATED_ITEMS : Math.min(GENERATED_ITEMS, array.maxItems());
        return Math.max(1, Math.max(min, max));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedMultiply(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}

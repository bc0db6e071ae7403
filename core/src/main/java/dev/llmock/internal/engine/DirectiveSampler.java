package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeNode.DistributionShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.WeightedShape;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * Samples the values of a shape's distribution directives from the request seed. Sampling is stratified (one uniform
 * draw per 1/n of probability, in shuffled order; categories by their exact shares), so the sample follows its target
 * closely at every size. Only directives at object properties are sampled; those inside arrays are left to backends.
 */
final class DirectiveSampler {

    private DirectiveSampler() {
    }

    /** The directives of {@code root} with {@code count} values each, drawn deterministically from {@code seed}. */
    static List<Directive> sample(ShapeNode root, int count, long seed) {
        List<Directive> found = new ArrayList<>();
        find(root, new ArrayList<>(), found, count, seed);
        return found;
    }

    private static void find(ShapeNode shape, List<String> path, List<Directive> found, int count, long seed) {
        if (shape instanceof ObjectShape object) {
            for (Map.Entry<String, ShapeNode> property : object.properties().entrySet()) {
                path.add(property.getKey());
                find(property.getValue(), path, found, count, seed);
                path.remove(path.size() - 1);
            }
        } else if (shape instanceof DistributionShape || shape instanceof WeightedShape) {
            String pointer = String.join("/", path);
            SplittableRandom random = new SplittableRandom(Seeds.mix(seed ^ (pointer.hashCode() * 0x9E3779B97F4A7C15L)));
            JsonNode[] values = shape instanceof DistributionShape distribution
                    ? numbers(distribution, count, random) : categories((WeightedShape) shape, count, random);
            found.add(new Directive(List.copyOf(path), shape, values));
        }
    }

    private static JsonNode[] numbers(DistributionShape shape, int count, SplittableRandom random) {
        TruncatedDistribution truncation = TruncatedDistribution.of(shape);
        int[] order = permutation(count, random);
        NumberShape number = shape.number();
        int decimals = decimals(truncation.real());
        JsonNode[] values = new JsonNode[count];
        for (int i = 0; i < count; i++) {
            double u = (order[i] + random.nextDouble()) / count;
            double x = truncation.quantile(u);
            if (number.integer()) {
                long whole = Math.round(x);
                if (number.minimum() != null) {
                    whole = Math.max(whole, number.minimum().setScale(0, RoundingMode.CEILING).longValue());
                }
                if (number.maximum() != null) {
                    whole = Math.min(whole, number.maximum().setScale(0, RoundingMode.FLOOR).longValue());
                }
                values[i] = LongNode.valueOf(whole);
            } else {
                BigDecimal decimal = BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP);
                if (number.minimum() != null && decimal.compareTo(number.minimum()) < 0) {
                    decimal = number.minimum().setScale(decimals, RoundingMode.CEILING);
                }
                if (number.maximum() != null && decimal.compareTo(number.maximum()) > 0) {
                    decimal = number.maximum().setScale(decimals, RoundingMode.FLOOR);
                }
                values[i] = DecimalNode.valueOf(decimal);
            }
        }
        return values;
    }

    /** Exact shares by largest remainder; the leftover records drawn by the remainders, then shuffled. */
    private static JsonNode[] categories(WeightedShape shape, int count, SplittableRandom random) {
        List<String> names = shape.string().enumValues();
        double total = shape.weights().stream().mapToDouble(Double::doubleValue).sum();
        List<JsonNode> values = new ArrayList<>(count);
        double[] remainders = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            double share = shape.weights().get(i) / total * count;
            int whole = (int) Math.floor(share);
            remainders[i] = share - whole;
            for (int j = 0; j < whole; j++) {
                values.add(TextNode.valueOf(names.get(i)));
            }
        }
        while (values.size() < count) {
            double sum = Arrays.stream(remainders).sum();
            double pick = random.nextDouble() * sum;
            int chosen = remainders.length - 1;
            for (int i = 0; i < remainders.length; i++) {
                pick -= remainders[i];
                if (pick < 0) {
                    chosen = i;
                    break;
                }
            }
            values.add(TextNode.valueOf(names.get(chosen)));
            remainders[chosen] = 0;
        }
        JsonNode[] result = values.toArray(JsonNode[]::new);
        for (int i = result.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            JsonNode swap = result[i];
            result[i] = result[j];
            result[j] = swap;
        }
        return result;
    }

    private static int[] permutation(int count, SplittableRandom random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static int decimals(RealDistribution real) {
        double spread = Math.sqrt(real.getNumericalVariance());
        if (Double.isNaN(spread) || Double.isInfinite(spread) || spread >= 10) {
            return 2;
        }
        return spread >= 0.1 ? 4 : 6;
    }
}

package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmock.GenerationException;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Code for precision: the values of distribution directives, sampled from the request seed before any backend runs,
 * handed to the backends as fixed, put back wherever a backend changed them, and finally checked (unchanged, and for
 * 100 records or more a goodness-of-fit test against the target at p > {@value #ALPHA}).
 *
 * <p>Sampling is stratified (one uniform draw per 1/n of probability, in shuffled order; categories by their exact
 * shares), so the sample follows its target closely at every size and the test guards against mistakes, not luck.
 * Directives inside arrays are left to the backends and checked only against their bounds.
 */
final class FixedValues {
    static final double ALPHA = 0.01;
    static final int TESTED_FROM = 100;
    private static final double EDGE = 1e-12;

    private final List<Directive> directives;
    private final int count;
    private final AtomicInteger restored;

    private FixedValues(List<Directive> directives, int count, AtomicInteger restored) {
        this.directives = directives;
        this.count = count;
        this.restored = restored;
    }

    /** One directive: where it is in a record and the value of every record. */
    private record Directive(List<String> path, ShapeNode shape, JsonNode[] values) {
        String pointer() {
            StringBuilder pointer = new StringBuilder();
            path.forEach(step -> pointer.append('/').append(step.replace("~", "~0").replace("/", "~1")));
            return pointer.toString();
        }
    }

    static FixedValues plan(ShapeNode root, int count, long seed) {
        List<Directive> found = new ArrayList<>();
        find(root, new ArrayList<>(), found, count, seed);
        return new FixedValues(found, count, new AtomicInteger());
    }

    boolean isEmpty() {
        return directives.isEmpty();
    }

    /** The directives of one part: under {@code prefix} (its key) or, merged deep, those its shape has. */
    FixedValues part(List<String> prefix, ShapeNode partShape) {
        List<Directive> mine = new ArrayList<>();
        for (Directive directive : directives) {
            if (directive.path().size() > prefix.size() && directive.path().subList(0, prefix.size()).equals(prefix)) {
                List<String> rest = directive.path().subList(prefix.size(), directive.path().size());
                if (at(partShape, rest) != null) {
                    mine.add(new Directive(List.copyOf(rest), directive.shape(), directive.values()));
                }
            }
        }
        return new FixedValues(mine, count, restored);
    }

    /** The fixed values of record {@code slot} as a partial record, handed to the backend as earlier output. */
    JsonNode partial(int slot) {
        JsonNode partial = Json.MAPPER.createObjectNode();
        for (Directive directive : directives) {
            partial = set(partial, directive.path(), directive.values()[slot]);
        }
        return partial;
    }

    /** {@code record} with the fixed values of {@code slot} in place; counts each value a backend had changed. */
    JsonNode apply(JsonNode record, int slot) {
        if (directives.isEmpty() || record == null) {
            return record;
        }
        JsonNode result = record.deepCopy();
        for (Directive directive : directives) {
            JsonNode wanted = directive.values()[slot];
            JsonNode now = get(result, directive.path());
            if (!sameValue(now, wanted)) {
                if (now != null) {
                    restored.incrementAndGet();
                }
                result = set(result, directive.path(), wanted);
            }
        }
        return result;
    }

    /**
     * Checks the final records: every fixed value unchanged and, from {@value #TESTED_FROM} records, the sample
     * consistent with its target; returns the facts for the provenance.
     *
     * @throws GenerationException when a value changed or a test rejects the sample
     */
    ObjectNode verify(JsonNode output) {
        ObjectNode details = Json.MAPPER.createObjectNode();
        ArrayNode tests = details.putArray("fields");
        List<Violation> violations = new ArrayList<>();
        for (Directive directive : directives) {
            for (int i = 0; i < count; i++) {
                JsonNode record = count == 1 ? output : output.get(i);
                JsonNode value = record == null ? null : get(record, directive.path());
                if (!sameValue(value, directive.values()[i])) {
                    String prefix = count == 1 ? "" : "/" + i;
                    violations.add(new Violation(prefix + directive.pointer(), "the value fixed by code ("
                            + directive.values()[i] + ") was changed to " + value));
                }
            }
            ObjectNode fact = tests.addObject();
            fact.put("pointer", directive.pointer());
            fact.put("directive", directive.shape() instanceof DistributionShape d ? d.directive()
                    : ((WeightedShape) directive.shape()).directive());
            if (count >= TESTED_FROM) {
                test(directive, fact, violations);
            }
        }
        details.put("restored", restored.get());
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder("The values that code sampled for the distribution directives"
                    + " do not hold in the result:");
            violations.stream().limit(20).forEach(v -> message.append("\n  ").append(v));
            message.append("\nThis is a bug in llmock's sampling or merging; please report it with the shape.");
            throw new GenerationException(message.toString(), violations, output);
        }
        return details;
    }

    private void test(Directive directive, ObjectNode fact, List<Violation> violations) {
        double pValue;
        if (directive.shape() instanceof WeightedShape weighted) {
            List<String> names = weighted.string().enumValues();
            long[] observed = new long[names.size()];
            double[] expected = new double[names.size()];
            double total = weighted.weights().stream().mapToDouble(Double::doubleValue).sum();
            for (JsonNode value : directive.values()) {
                observed[names.indexOf(value.asText())]++;
            }
            for (int i = 0; i < expected.length; i++) {
                expected[i] = weighted.weights().get(i) / total * count;
            }
            fact.put("test", "chi-squared");
            if (names.size() < 2) {
                pValue = 1.0;
                fact.put("statistic", 0.0);
            } else {
                ChiSquareTest chi = new ChiSquareTest();
                fact.put("statistic", round(chi.chiSquare(expected, observed)));
                pValue = chi.chiSquareTest(expected, observed);
            }
        } else {
            DistributionShape distribution = (DistributionShape) directive.shape();
            Truncation truncation = Truncation.of(distribution);
            double[] sample = Arrays.stream(directive.values()).mapToDouble(JsonNode::doubleValue).sorted().toArray();
            double statistic = distribution.number().integer() ? discreteD(sample, truncation) : continuousD(sample,
                    truncation);
            fact.put("test", "kolmogorov-smirnov");
            fact.put("statistic", round(statistic));
            pValue = Math.max(0.0, 1.0 - new KolmogorovSmirnovTest().ksSum(statistic * Math.sqrt(count), 1e-20,
                    100_000));
        }
        fact.put("pValue", round(pValue));
        if (!(pValue > ALPHA)) {
            violations.add(new Violation("/*" + directive.pointer(), fact.get("test").asText() + " test rejects the"
                    + " sample at p = " + round(pValue) + " (needs p > " + ALPHA + ")"));
        }
    }

    private static double continuousD(double[] sorted, Truncation truncation) {
        double d = 0;
        int n = sorted.length;
        for (int i = 0; i < n; i++) {
            double f = truncation.cdf(sorted[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }

    /** For whole numbers both distribution functions step at integers: compare at each value and just below it. */
    private static double discreteD(double[] sorted, Truncation truncation) {
        double d = 0;
        int n = sorted.length;
        int i = 0;
        while (i < n) {
            double value = sorted[i];
            double below = (double) i / n;
            d = Math.max(d, Math.abs(below - truncation.cdf(value - 0.5)));
            while (i < n && sorted[i] == value) {
                i++;
            }
            d = Math.max(d, Math.abs((double) i / n - truncation.cdf(value + 0.5)));
        }
        return d;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).round(new java.math.MathContext(6)).doubleValue();
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
                    ? sample(distribution, count, random) : sample((WeightedShape) shape, count, random);
            found.add(new Directive(List.copyOf(path), shape, values));
        }
    }

    private static JsonNode[] sample(DistributionShape shape, int count, SplittableRandom random) {
        Truncation truncation = Truncation.of(shape);
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
    private static JsonNode[] sample(WeightedShape shape, int count, SplittableRandom random) {
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

    /** The target restricted to the directive's bounds (widened by half a unit for whole numbers, then rounded). */
    private record Truncation(RealDistribution real, double low, double high, double lowP, double highP) {
        static Truncation of(DistributionShape shape) {
            RealDistribution real = shape.distribution().toReal();
            NumberShape number = shape.number();
            double half = number.integer() ? 0.5 : 0.0;
            double low = number.minimum() == null ? Double.NEGATIVE_INFINITY : number.minimum().doubleValue() - half;
            double high = number.maximum() == null ? Double.POSITIVE_INFINITY : number.maximum().doubleValue() + half;
            double lowP = Double.isInfinite(low) ? 0.0 : real.cumulativeProbability(low);
            double highP = Double.isInfinite(high) ? 1.0 : real.cumulativeProbability(high);
            if (!(highP > lowP)) {
                throw new GenerationException("The distribution " + shape.directive() + " puts no probability within"
                        + " its bounds; widen the bounds or move the distribution.", List.of(), null);
            }
            return new Truncation(real, low, high, lowP, highP);
        }

        double cdf(double x) {
            if (x <= low) {
                return 0.0;
            }
            if (x >= high) {
                return 1.0;
            }
            return (real.cumulativeProbability(x) - lowP) / (highP - lowP);
        }

        double quantile(double u) {
            double p = lowP + Math.min(1 - EDGE, Math.max(EDGE, u)) * (highP - lowP);
            double x = real.inverseCumulativeProbability(Math.min(1 - EDGE, Math.max(EDGE, p)));
            return Math.max(low, Math.min(high, x));
        }
    }

    private static ShapeNode at(ShapeNode shape, List<String> path) {
        ShapeNode current = shape;
        for (String step : path) {
            if (!(current instanceof ObjectShape object) || !object.properties().containsKey(step)) {
                return null;
            }
            current = object.properties().get(step);
        }
        return current;
    }

    private static JsonNode get(JsonNode record, List<String> path) {
        JsonNode current = record;
        for (String step : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(step);
        }
        return current;
    }

    private static JsonNode set(JsonNode record, List<String> path, JsonNode value) {
        if (path.isEmpty()) {
            return value.deepCopy();
        }
        ObjectNode root = record != null && record.isObject() ? (ObjectNode) record : Json.MAPPER.createObjectNode();
        ObjectNode current = root;
        for (String step : path.subList(0, path.size() - 1)) {
            JsonNode next = current.get(step);
            if (next == null || !next.isObject()) {
                next = current.putObject(step);
            }
            current = (ObjectNode) next;
        }
        current.set(path.get(path.size() - 1), value.deepCopy());
        return root;
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}

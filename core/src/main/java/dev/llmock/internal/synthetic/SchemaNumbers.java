package dev.llmock.internal.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.llmock.internal.shape.SchemaIndex.Located;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Random;

/**
 * A number inside a JSON Schema's bounds: {@code minimum}, {@code maximum}, their exclusive forms (a number since
 * draft 6, a boolean beside the bound in draft 4) and every {@code multipleOf} at once.
 */
final class SchemaNumbers {
    private static final BigDecimal SPAN = BigDecimal.valueOf(1000);

    private SchemaNumbers() {
    }

    /**
     * A value near {@code preferred} (a value chosen from the field name, or null) within the bounds.
     *
     * @throws Unsatisfied when the bounds and multiples leave no value
     */
    static JsonNode number(Conjunction conjunction, boolean integer, BigDecimal preferred, Random random, String at) {
        Bound low = null;
        Bound high = null;
        for (Map.Entry<Located, JsonNode> each : conjunction.values("minimum")) {
            if (each.getValue().isNumber()) {
                low = Bound.tighterLow(low, new Bound(each.getValue().decimalValue(),
                        each.getKey().schema().path("exclusiveMinimum").asBoolean(false),
                        each.getKey().pointer() + "/minimum"));
            }
        }
        for (Map.Entry<Located, JsonNode> each : conjunction.values("exclusiveMinimum")) {
            if (each.getValue().isNumber()) {
                low = Bound.tighterLow(low, new Bound(each.getValue().decimalValue(), true,
                        each.getKey().pointer() + "/exclusiveMinimum"));
            }
        }
        for (Map.Entry<Located, JsonNode> each : conjunction.values("maximum")) {
            if (each.getValue().isNumber()) {
                high = Bound.tighterHigh(high, new Bound(each.getValue().decimalValue(),
                        each.getKey().schema().path("exclusiveMaximum").asBoolean(false),
                        each.getKey().pointer() + "/maximum"));
            }
        }
        for (Map.Entry<Located, JsonNode> each : conjunction.values("exclusiveMaximum")) {
            if (each.getValue().isNumber()) {
                high = Bound.tighterHigh(high, new Bound(each.getValue().decimalValue(), true,
                        each.getKey().pointer() + "/exclusiveMaximum"));
            }
        }
        BigDecimal step = integer ? BigDecimal.ONE : null;
        String stepAt = null;
        for (Map.Entry<Located, JsonNode> each : conjunction.values("multipleOf")) {
            if (each.getValue().isNumber() && each.getValue().decimalValue().signum() > 0) {
                step = step == null ? each.getValue().decimalValue() : lcm(step, each.getValue().decimalValue());
                stepAt = each.getKey().pointer() + "/multipleOf";
            }
        }
        BigDecimal want = preferred != null ? preferred
                : integer || step != null ? BigDecimal.valueOf(1 + random.nextInt(1000))
                : BigDecimal.valueOf(random.nextInt(100_000), 2);
        BigDecimal value = step != null ? onStep(low, high, step, want, random, stepAt, at)
                : between(low, high, want, random, at);
        return node(value, integer);
    }

    private static BigDecimal onStep(Bound low, Bound high, BigDecimal step, BigDecimal want, Random random,
                                     String stepAt, String at) {
        BigInteger first = low == null ? null : low.value.divide(step, 0, RoundingMode.CEILING).toBigInteger();
        if (first != null && low.exclusive && low.value.remainder(step).signum() == 0) {
            first = first.add(BigInteger.ONE);
        }
        BigInteger last = high == null ? null : high.value.divide(step, 0, RoundingMode.FLOOR).toBigInteger();
        if (last != null && high.exclusive && high.value.remainder(step).signum() == 0) {
            last = last.subtract(BigInteger.ONE);
        }
        if (first != null && last != null && first.compareTo(last) > 0) {
            throw stepAt == null ? new Unsatisfied(keyword(low), low.pointer, at, "no integer lies between the minimum "
                    + low.value.toPlainString() + " and the maximum " + high.value.toPlainString())
                    : new Unsatisfied("multipleOf", stepAt, at, "no multiple of " + step.toPlainString()
                    + " lies within the bounds");
        }
        BigInteger k = want.divide(step, 0, RoundingMode.HALF_UP).toBigInteger();
        boolean inside = (first == null || k.compareTo(first) >= 0) && (last == null || k.compareTo(last) <= 0);
        if (!inside) {
            if (first != null && last != null) {
                BigInteger span = last.subtract(first).min(BigInteger.valueOf(1000));
                k = first.add(BigInteger.valueOf(random.nextInt(span.intValueExact() + 1)));
            } else if (first != null) {
                k = first.add(BigInteger.valueOf(random.nextInt(10)));
            } else {
                k = last.subtract(BigInteger.valueOf(random.nextInt(10)));
            }
        }
        return step.multiply(new BigDecimal(k));
    }

    private static BigDecimal between(Bound low, Bound high, BigDecimal want, Random random, String at) {
        if (fits(want, low, high)) {
            return want;
        }
        if (low != null && high != null) {
            int order = low.value.compareTo(high.value);
            if (order > 0 || order == 0 && (low.exclusive || high.exclusive)) {
                throw new Unsatisfied(keyword(low), low.pointer, at, "the minimum " + low.value.toPlainString()
                        + " is not below the maximum " + high.value.toPlainString());
            }
            BigDecimal width = high.value.subtract(low.value);
            int scale = Math.max(2, Math.max(low.value.scale(), high.value.scale()));
            BigDecimal pick = low.value.add(width.multiply(BigDecimal.valueOf(random.nextDouble())))
                    .setScale(scale, RoundingMode.HALF_UP);
            return fits(pick, low, high) ? pick : low.value.add(high.value).divide(BigDecimal.valueOf(2),
                    MathContext.DECIMAL128);
        }
        BigDecimal offset = BigDecimal.ONE.add(BigDecimal.valueOf(random.nextInt(100_000), 2).min(SPAN));
        return low != null ? low.value.add(offset) : high.value.subtract(offset);
    }

    private static boolean fits(BigDecimal value, Bound low, Bound high) {
        return (low == null || (low.exclusive ? value.compareTo(low.value) > 0 : value.compareTo(low.value) >= 0))
                && (high == null || (high.exclusive ? value.compareTo(high.value) < 0
                : value.compareTo(high.value) <= 0));
    }

    /** A whole value of an {@code integer} is written as one; a {@code number} stays a decimal ({@code 322.00}). */
    private static JsonNode node(BigDecimal value, boolean integer) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() <= 0 && integer) {
            BigInteger whole = plain.toBigIntegerExact();
            return whole.bitLength() < 64 ? JsonNodeFactory.instance.numberNode(whole.longValue())
                    : JsonNodeFactory.instance.numberNode(whole);
        }
        return DecimalNode.valueOf(value.scale() < 2 ? value.setScale(2, RoundingMode.UNNECESSARY) : value);
    }

    /** The least common multiple of two positive decimals. */
    static BigDecimal lcm(BigDecimal a, BigDecimal b) {
        int scale = Math.max(Math.max(a.scale(), b.scale()), 0);
        BigInteger x = a.movePointRight(scale).toBigIntegerExact();
        BigInteger y = b.movePointRight(scale).toBigIntegerExact();
        BigInteger lcm = x.divide(x.gcd(y)).multiply(y);
        return new BigDecimal(lcm).movePointLeft(scale);
    }

    /** One bound; {@code exclusive} when the value itself is outside. */
    private static String keyword(Bound bound) {
        return bound.pointer.substring(bound.pointer.lastIndexOf('/') + 1);
    }

    private record Bound(BigDecimal value, boolean exclusive, String pointer) {
        static Bound tighterLow(Bound current, Bound next) {
            if (current == null) {
                return next;
            }
            int order = next.value.compareTo(current.value);
            return order > 0 || order == 0 && next.exclusive ? next : current;
        }

        static Bound tighterHigh(Bound current, Bound next) {
            if (current == null) {
                return next;
            }
            int order = next.value.compareTo(current.value);
            return order < 0 || order == 0 && next.exclusive ? next : current;
        }
    }
}

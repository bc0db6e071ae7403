package dev.llmock.internal.shape;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one model every way into a shape ends in: template, JSON Schema or Java type.
 * Records so that two equal shapes compare equal, which keeps cache and cassette keys stable.
 */
public sealed interface ShapeNode {

    /** A human description for prompts and for error messages, e.g. "string", "integer >= 0". */
    String describe();

    /** An object with named properties; {@code required} is a subset of the property names. */
    record ObjectShape(Map<String, ShapeNode> properties, Set<String> required, String description)
            implements ShapeNode {
        public ObjectShape {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
            required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
        }

        @Override
        public String describe() {
            return "object";
        }
    }

    /** An object with free keys and values of one shape ({@code Map<String, T>}). */
    record MapShape(ShapeNode values, Integer maxProperties) implements ShapeNode {
        @Override
        public String describe() {
            return "object of " + values.describe();
        }
    }

    record ArrayShape(ShapeNode items, Integer minItems, Integer maxItems, boolean uniqueItems)
            implements ShapeNode {
        @Override
        public String describe() {
            return "array of " + items.describe();
        }
    }

    /**
     * A string. {@code format} is a JSON Schema format ({@code date-time}, {@code date}, {@code email},
     * {@code uuid}, {@code uri}); {@code enumValues} is empty unless the string is one of a set;
     * {@code time} says whether a date must lie in the past or the future; {@code example} is the
     * template's own text when it was not a type word, kept as a hint for LLM prompts.
     */
    record StringShape(String format, List<String> enumValues, Integer minLength, Integer maxLength,
                       String pattern, Temporal time, String example) implements ShapeNode {
        public StringShape {
            enumValues = List.copyOf(enumValues);
        }

        public static StringShape plain() {
            return new StringShape(null, List.of(), null, null, null, Temporal.ANY, null);
        }

        public static StringShape format(String format) {
            return new StringShape(format, List.of(), null, null, null, Temporal.ANY, null);
        }

        public static StringShape oneOf(List<String> values) {
            return new StringShape(null, values, null, null, null, Temporal.ANY, null);
        }

        public StringShape withLength(Integer min, Integer max) {
            return new StringShape(format, enumValues, min, max, pattern, time, example);
        }

        public StringShape withPattern(String regex) {
            return new StringShape(format, enumValues, minLength, maxLength, regex, time, example);
        }

        public StringShape withTime(Temporal when) {
            return new StringShape(format, enumValues, minLength, maxLength, pattern, when, example);
        }

        public StringShape withFormat(String newFormat) {
            return new StringShape(newFormat, enumValues, minLength, maxLength, pattern, time, example);
        }

        @Override
        public String describe() {
            if (!enumValues.isEmpty()) {
                return "one of " + String.join("|", enumValues);
            }
            return format == null ? "string" : "string (" + format + ")";
        }
    }

    /** A number; {@code integer} for whole numbers. Bounds are inclusive and may be null. */
    record NumberShape(boolean integer, BigDecimal minimum, BigDecimal maximum) implements ShapeNode {
        public NumberShape {
            minimum = Numbers.normalize(minimum);
            maximum = Numbers.normalize(maximum);
        }

        public static NumberShape integerShape() {
            return new NumberShape(true, null, null);
        }

        public static NumberShape decimal() {
            return new NumberShape(false, null, null);
        }

        public NumberShape withMinimum(BigDecimal min) {
            return new NumberShape(integer, min, maximum);
        }

        public NumberShape withMaximum(BigDecimal max) {
            return new NumberShape(integer, minimum, max);
        }

        @Override
        public String describe() {
            return integer ? "integer" : "number";
        }
    }

    record BooleanShape() implements ShapeNode {
        @Override
        public String describe() {
            return "boolean";
        }
    }

    /** A value that may also be JSON {@code null} ({@code Optional<T>}, {@code "type": ["string","null"]}). */
    record NullableShape(ShapeNode value) implements ShapeNode {
        @Override
        public String describe() {
            return value.describe() + " or null";
        }
    }

    /**
     * A number whose values code samples from a distribution ({@code "int ~ normal(35, 12) in [18, 100]"});
     * {@code number} holds the type and the bounds the values are truncated to.
     */
    record DistributionShape(NumberShape number, Distribution distribution) implements ShapeNode {
        public DistributionShape {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(distribution, "distribution");
        }

        /** The directive as written in templates, e.g. {@code int ~ normal(35, 12) in [18, 100]}. */
        public String directive() {
            StringBuilder text = new StringBuilder(number.integer() ? "int" : "number").append(" ~ ")
                    .append(distribution.text());
            if (number.minimum() != null || number.maximum() != null) {
                text.append(" in [").append(number.minimum() == null ? "-inf" : number.minimum().toPlainString())
                        .append(", ").append(number.maximum() == null ? "inf" : number.maximum().toPlainString())
                        .append(']');
            }
            return text.toString();
        }

        @Override
        public String describe() {
            return directive();
        }
    }

    /**
     * A category drawn by code with set weights ({@code "free:70|premium:25|enterprise:5"}); {@code string} holds
     * the values as an enum, {@code weights} their relative weights in the same order.
     */
    record WeightedShape(StringShape string, List<Double> weights) implements ShapeNode {
        public WeightedShape {
            weights = List.copyOf(weights);
            if (weights.size() != string.enumValues().size()) {
                throw new IllegalArgumentException("one weight per value: " + string.enumValues() + " " + weights);
            }
        }

        /** The directive as written in templates, e.g. {@code free:70|premium:25|enterprise:5}. */
        public String directive() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < weights.size(); i++) {
                text.append(i == 0 ? "" : "|").append(string.enumValues().get(i)).append(':')
                        .append(Distribution.number(weights.get(i)));
            }
            return text.toString();
        }

        @Override
        public String describe() {
            return "one of " + directive() + " (weighted)";
        }
    }

    /**
     * Any JSON value: the part of a JSON Schema that llmock's simpler view cannot express (several types, a choice
     * among options, a recursive reference). The schema itself still validates and generates that part.
     */
    record AnyShape() implements ShapeNode {
        @Override
        public String describe() {
            return "any value";
        }
    }

    /** Whether a date or date-time must lie before or after now. */
    enum Temporal { ANY, PAST, FUTURE }
}

package dev.llmock.internal.shape;

import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.List;

/**
 * Bean Validation constraints turned into shape bounds. Annotations are matched by simple name within the
 * {@code jakarta.validation.constraints} and {@code javax.validation.constraints} packages and read reflectively.
 */
final class Constraints {
    private Constraints() {
    }

    static ShapeNode apply(ShapeNode shape, List<Annotation> annotations) {
        ShapeNode result = shape;
        for (Annotation annotation : annotations) {
            String type = annotation.annotationType().getName();
            if (!type.startsWith("jakarta.validation.constraints.") && !type.startsWith("javax.validation.constraints.")) {
                continue;
            }
            result = apply(result, annotation.annotationType().getSimpleName(), annotation);
        }
        return result;
    }

    private static ShapeNode apply(ShapeNode shape, String name, Annotation annotation) {
        if (shape instanceof StringShape string) {
            return switch (name) {
                case "Size" -> string.withLength(positive(intValue(annotation, "min")), maxOrNull(annotation));
                case "NotBlank", "NotEmpty" -> string.withLength(
                        string.minLength() == null ? 1 : Math.max(1, string.minLength()), string.maxLength());
                case "Email" -> string.withFormat("email");
                case "Pattern" -> string.withPattern(runnable(anchored((String) value(annotation, "regexp"))));
                case "Past", "PastOrPresent" -> string.withTime(ShapeNode.Temporal.PAST);
                case "Future", "FutureOrPresent" -> string.withTime(ShapeNode.Temporal.FUTURE);
                default -> string;
            };
        }
        if (shape instanceof NumberShape number) {
            return switch (name) {
                case "Min" -> number.withMinimum(decimal(annotation));
                case "Max" -> number.withMaximum(decimal(annotation));
                // inclusive = false: the nearest value inside, by the same step SchemaParser uses for exclusive bounds.
                case "DecimalMin" -> number.withMinimum(inclusive(annotation) ? decimal(annotation)
                        : decimal(annotation).add(step(number)));
                case "DecimalMax" -> number.withMaximum(inclusive(annotation) ? decimal(annotation)
                        : decimal(annotation).subtract(step(number)));
                case "Positive" -> number.withMinimum(number.integer() ? BigDecimal.ONE : new BigDecimal("0.01"));
                case "PositiveOrZero" -> number.withMinimum(BigDecimal.ZERO);
                case "Negative" -> number.withMaximum(number.integer() ? BigDecimal.ONE.negate() : new BigDecimal("-0.01"));
                case "NegativeOrZero" -> number.withMaximum(BigDecimal.ZERO);
                default -> number;
            };
        }
        if (shape instanceof ArrayShape array) {
            return switch (name) {
                case "Size" -> new ArrayShape(array.items(), positive(intValue(annotation, "min")), maxOrNull(annotation),
                        array.uniqueItems());
                case "NotEmpty" -> new ArrayShape(array.items(), 1, array.maxItems(), array.uniqueItems());
                default -> array;
            };
        }
        if (shape instanceof MapShape map && "Size".equals(name)) {
            return new MapShape(map.values(), maxOrNull(annotation));
        }
        return shape;
    }

    /** A pattern llmock's validator will run, checked now: refused with the construct it cannot run in linear time. */
    private static String runnable(String regex) {
        EcmaRegex.compile(regex);
        return regex;
    }

    /** Bean Validation's {@code @Pattern} matches the whole string; JSON Schema's {@code pattern} searches. */
    private static String anchored(String regex) {
        String result = regex.startsWith("^") ? regex : "^(?:" + regex;
        if (!regex.startsWith("^")) {
            result = result + ")";
        }
        return result.endsWith("$") ? result : result + "$";
    }

    private static boolean inclusive(Annotation annotation) {
        return !Boolean.FALSE.equals(value(annotation, "inclusive"));
    }

    private static BigDecimal step(NumberShape number) {
        return number.integer() ? BigDecimal.ONE : new BigDecimal("0.01");
    }

    private static Integer positive(int value) {
        return value > 0 ? value : null;
    }

    private static Integer maxOrNull(Annotation annotation) {
        int max = intValue(annotation, "max");
        return max == Integer.MAX_VALUE ? null : max;
    }

    private static int intValue(Annotation annotation, String attribute) {
        return ((Number) value(annotation, attribute)).intValue();
    }

    private static BigDecimal decimal(Annotation annotation) {
        Object value = value(annotation, "value");
        return value instanceof String text ? new BigDecimal(text) : BigDecimal.valueOf(((Number) value).longValue());
    }

    private static Object value(Annotation annotation, String attribute) {
        try {
            var method = annotation.annotationType().getMethod(attribute);
            method.setAccessible(true);
            return method.invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + attribute + " of " + annotation, e);
        }
    }
}

package dev.llmock.internal.shape;

import dev.llmock.ShapeException;
import dev.llmock.internal.shape.ShapeNode.DistributionShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import dev.llmock.internal.shape.ShapeNode.WeightedShape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the template directives that code fills: {@code "int ~ normal(35, 12) in [18, 100]"} and weighted categories
 * {@code "free:70|premium:25|enterprise:5"}. Any other text is not a directive and keeps its old meaning.
 */
public final class Directives {
    static final String DISTRIBUTION_EXAMPLE = "\"int ~ normal(35, 12) in [18, 100]\"";
    private static final Set<String> INTEGER_WORDS = Set.of("int", "integer", "long");
    private static final Set<String> DECIMAL_WORDS = Set.of("number", "decimal", "float", "double");
    private static final Pattern BOUNDS = Pattern.compile("^(.*?)\\s+in\\s*\\[([^\\]]*)\\]\\s*$", Pattern.DOTALL);
    private static final Pattern WEIGHTED = Pattern.compile("^\\s*(.*?)\\s*:\\s*(\\d+(?:\\.\\d+)?)\\s*$");

    private Directives() {
    }

    /**
     * The directive in {@code word}, or null when it is none.
     *
     * @param error turns a message into the exception that names the position
     */
    static ShapeNode parse(String word, Function<String, ShapeException> error) {
        int tilde = word.indexOf('~');
        if (tilde > 0) {
            String type = word.substring(0, tilde).trim().toLowerCase(Locale.ROOT);
            if (INTEGER_WORDS.contains(type) || DECIMAL_WORDS.contains(type)) {
                try {
                    return distribution(INTEGER_WORDS.contains(type), word.substring(tilde + 1));
                } catch (IllegalArgumentException e) {
                    throw error.apply("expected a distribution directive such as " + DISTRIBUTION_EXAMPLE
                            + ", but in \"" + word + "\": " + e.getMessage());
                }
            }
        }
        if (word.contains("|") && word.contains(":")) {
            return weighted(word, error);
        }
        return null;
    }

    /** Reads {@code dist [in [a, b]]} for a number type; used for templates and for JSON Schema's keyword. */
    static DistributionShape distribution(boolean integer, String text) {
        String body = text.trim();
        BigDecimal min = null;
        BigDecimal max = null;
        Matcher bounds = BOUNDS.matcher(body);
        if (bounds.matches()) {
            body = bounds.group(1).trim();
            String[] ends = bounds.group(2).split(",", -1);
            if (ends.length != 2) {
                throw new IllegalArgumentException("bounds are written \"in [low, high]\"");
            }
            min = bound(ends[0]);
            max = bound(ends[1]);
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw new IllegalArgumentException("the lower bound " + min.toPlainString() + " is above the upper bound "
                        + max.toPlainString());
            }
        }
        Distribution distribution = Distribution.parse(body);
        return new DistributionShape(new NumberShape(integer, min, max), distribution);
    }

    private static BigDecimal bound(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.matches("[+-]?inf(inity)?")) {
            return null;
        }
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the bound \"" + trimmed + "\" is not a number");
        }
    }

    private static ShapeNode weighted(String word, Function<String, ShapeException> error) {
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Double> weights = new ArrayList<>();
        for (String option : word.split("\\|", -1)) {
            Matcher matcher = WEIGHTED.matcher(option);
            if (!matcher.matches() || matcher.group(1).isEmpty()) {
                return null; // not every option is weighted: a plain enum such as "10:30|later"
            }
            if (!seen.add(matcher.group(1))) {
                throw error.apply("the weighted category \"" + matcher.group(1) + "\" appears twice in \"" + word + "\"");
            }
            double weight = Double.parseDouble(matcher.group(2));
            if (!(weight > 0)) {
                throw error.apply("expected positive weights such as \"free:70|premium:25|enterprise:5\", but \""
                        + matcher.group(1) + "\" has weight " + matcher.group(2));
            }
            values.add(matcher.group(1));
            weights.add(weight);
        }
        return new WeightedShape(StringShape.oneOf(values), weights);
    }

    /** Reads a weighted directive from JSON Schema's keyword; the enum must list the same values. */
    static WeightedShape weighted(StringShape string, String text) {
        ShapeNode parsed = weighted(text, message -> new ShapeException(message));
        if (!(parsed instanceof WeightedShape weightedShape)
                || !weightedShape.string().enumValues().equals(string.enumValues())) {
            throw new IllegalArgumentException("\"" + text + "\" does not weight exactly the enum values "
                    + string.enumValues());
        }
        return new WeightedShape(string, weightedShape.weights());
    }
}

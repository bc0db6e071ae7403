package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Violation;
import dev.llmock.internal.shape.ShapeNode.DistributionShape;
import dev.llmock.internal.shape.ShapeNode.WeightedShape;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Whether a directive's sample is consistent with its target: Kolmogorov-Smirnov for numbers (against the truncated
 * distribution; for whole numbers both step at integers), chi-squared for weighted categories; passed at
 * p > {@value #ALPHA}. Stratified sampling makes a failure point at a mistake, not at luck.
 */
final class GoodnessOfFit {
    static final double ALPHA = 0.01;

    private GoodnessOfFit() {
    }

    /** Tests the sample of {@code directive}, writing test, statistic and p-value into {@code fact}. */
    static Optional<Violation> test(Directive directive, ObjectNode fact) {
        int count = directive.values().length;
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
            TruncatedDistribution truncation = TruncatedDistribution.of(distribution);
            double[] sample = Arrays.stream(directive.values()).mapToDouble(JsonNode::doubleValue).sorted().toArray();
            double statistic = distribution.number().integer() ? discreteD(sample, truncation) : continuousD(sample,
                    truncation);
            fact.put("test", "kolmogorov-smirnov");
            fact.put("statistic", round(statistic));
            pValue = Math.max(0.0, 1.0 - new KolmogorovSmirnovTest().ksSum(statistic * Math.sqrt(count), 1e-20,
                    100_000));
        }
        fact.put("pValue", round(pValue));
        if (pValue > ALPHA) {
            return Optional.empty();
        }
        return Optional.of(new Violation("/*" + directive.pointer(), fact.get("test").asText() + " test rejects the"
                + " sample at p = " + round(pValue) + " (needs p > " + ALPHA + ")"));
    }

    private static double continuousD(double[] sorted, TruncatedDistribution truncation) {
        double d = 0;
        int n = sorted.length;
        for (int i = 0; i < n; i++) {
            double f = truncation.cdf(sorted[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }

    /** For whole numbers both distribution functions step at integers: compare at each value and just below it. */
    private static double discreteD(double[] sorted, TruncatedDistribution truncation) {
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
        return BigDecimal.valueOf(value).round(new MathContext(6)).doubleValue();
    }
}

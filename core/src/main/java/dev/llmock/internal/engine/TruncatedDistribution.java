package dev.llmock.internal.engine;

import dev.llmock.GenerationException;
import dev.llmock.internal.shape.ShapeNode.DistributionShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import java.util.List;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * A directive's target restricted to its bounds (widened by half a unit for whole numbers, which are then rounded):
 * what sampling draws from and what the goodness-of-fit test compares with.
 */
record TruncatedDistribution(RealDistribution real, double low, double high, double lowP, double highP) {
    private static final double EDGE = 1e-12;

    static TruncatedDistribution of(DistributionShape shape) {
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
        return new TruncatedDistribution(real, low, high, lowP, highP);
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

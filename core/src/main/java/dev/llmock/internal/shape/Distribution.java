package dev.llmock.internal.shape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

/**
 * A target distribution for generated numbers, written in shapes as {@code normal(35, 12)}, {@code lognormal(10, 0.5)},
 * {@code uniform(0, 1)} or {@code mix(0.6 normal(30, 5), 0.4 normal(60, 8))}. Values are sampled by code; the
 * distribution is also the reference of the goodness-of-fit test on the result.
 */
public sealed interface Distribution {

    /** Canonical text, e.g. {@code normal(35, 12)}: equal distributions give equal text. */
    String text();

    /** The distribution as Commons Math sees it, for quantiles and the goodness-of-fit test. */
    RealDistribution toReal();

    /** Gaussian with the given mean and standard deviation. */
    record Normal(double mean, double sd) implements Distribution {
        public Normal {
            requirePositive(sd, "normal", "standard deviation");
        }

        @Override
        public String text() {
            return "normal(" + number(mean) + ", " + number(sd) + ")";
        }

        @Override
        public RealDistribution toReal() {
            return new NormalDistribution(null, mean, sd);
        }
    }

    /** Log-normal: the logarithm is normal with mean {@code mu} and standard deviation {@code sigma}. */
    record LogNormal(double mu, double sigma) implements Distribution {
        public LogNormal {
            requirePositive(sigma, "lognormal", "sigma");
        }

        @Override
        public String text() {
            return "lognormal(" + number(mu) + ", " + number(sigma) + ")";
        }

        @Override
        public RealDistribution toReal() {
            return new LogNormalDistribution(null, mu, sigma);
        }
    }

    /** Every value between {@code low} and {@code high} equally likely. */
    record Uniform(double low, double high) implements Distribution {
        public Uniform {
            if (!(low < high)) {
                throw new IllegalArgumentException("uniform(a, b) needs a below b, but got uniform(" + number(low)
                        + ", " + number(high) + ")");
            }
        }

        @Override
        public String text() {
            return "uniform(" + number(low) + ", " + number(high) + ")";
        }

        @Override
        public RealDistribution toReal() {
            return new UniformRealDistribution(null, low, high);
        }
    }

    /** A weighted mixture (weights sum to 1), e.g. for bimodal data. */
    record Mixture(List<Component> components) implements Distribution {
        public Mixture {
            components = List.copyOf(components);
            if (components.size() < 2) {
                throw new IllegalArgumentException("mix(...) needs at least two weighted components such as"
                        + " mix(0.6 normal(30, 5), 0.4 normal(60, 8))");
            }
        }

        @Override
        public String text() {
            StringBuilder text = new StringBuilder("mix(");
            for (int i = 0; i < components.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(number(components.get(i).weight())).append(' ')
                        .append(components.get(i).distribution().text());
            }
            return text.append(')').toString();
        }

        @Override
        public RealDistribution toReal() {
            return new MixtureDistribution(this);
        }
    }

    /** One part of a {@link Mixture}. */
    record Component(double weight, Distribution distribution) {
    }

    /**
     * Parses {@code normal(m, s)}, {@code lognormal(mu, sigma)}, {@code uniform(a, b)} or
     * {@code mix(w1 dist1, w2 dist2, ...)}; mixture weights are normalised to sum to 1.
     *
     * @throws IllegalArgumentException saying what was expected where
     */
    static Distribution parse(String text) {
        DistributionText reader = new DistributionText(text);
        Distribution result = reader.distribution();
        reader.end();
        return result;
    }

    /** Numbers as plain, shortest text: 35 not 35.0, 0.5 not 5E-1. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }

    private static void requirePositive(double value, String name, String what) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + "(...) needs a positive " + what + ", but got " + number(value));
        }
    }

    /** A small recursive-descent reader for the distribution syntax. */
    final class DistributionText {
        private final String text;
        private int at;

        DistributionText(String text) {
            this.text = text;
        }

        Distribution distribution() {
            String name = word().toLowerCase(Locale.ROOT);
            expect('(');
            Distribution result;
            switch (name) {
                case "normal", "gaussian" -> {
                    double[] args = numbers(2, name);
                    result = new Normal(args[0], args[1]);
                }
                case "lognormal" -> {
                    double[] args = numbers(2, name);
                    result = new LogNormal(args[0], args[1]);
                }
                case "uniform" -> {
                    double[] args = numbers(2, name);
                    result = new Uniform(args[0], args[1]);
                }
                case "mix", "mixture" -> result = mixture();
                default -> throw new IllegalArgumentException("unknown distribution \"" + name
                        + "\"; expected normal(mean, sd), lognormal(mu, sigma), uniform(a, b) or mix(w1 dist1, w2 dist2)");
            }
            expect(')');
            return result;
        }

        private Mixture mixture() {
            List<double[]> weights = new ArrayList<>();
            List<Distribution> parts = new ArrayList<>();
            do {
                double weight = readNumber();
                if (!(weight > 0)) {
                    throw new IllegalArgumentException("mixture weights must be positive, but got " + Distribution.number(weight));
                }
                weights.add(new double[] {weight});
                parts.add(distribution());
            } while (accept(','));
            double total = weights.stream().mapToDouble(w -> w[0]).sum();
            List<Component> components = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                double share = BigDecimal.valueOf(weights.get(i)[0] / total).round(new java.math.MathContext(6))
                        .doubleValue();
                components.add(new Component(share, parts.get(i)));
            }
            return new Mixture(components);
        }

        private double[] numbers(int count, String name) {
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                if (i > 0 && !accept(',')) {
                    throw new IllegalArgumentException(name + "(...) takes " + count + " numbers separated by commas");
                }
                values[i] = readNumber();
            }
            return values;
        }

        double readNumber() {
            skipSpaces();
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                return Double.parseDouble(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number at \"" + rest(start) + "\"");
            }
        }

        String word() {
            skipSpaces();
            int start = at;
            while (at < text.length() && Character.isLetter(text.charAt(at))) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("expected a distribution such as normal(35, 12) at \""
                        + rest(start) + "\"");
            }
            return text.substring(start, at);
        }

        void expect(char c) {
            if (!accept(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at \"" + rest(at) + "\"");
            }
        }

        boolean accept(char c) {
            skipSpaces();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        void end() {
            skipSpaces();
            if (at < text.length()) {
                throw new IllegalArgumentException("unexpected text \"" + rest(at) + "\" after the distribution");
            }
        }

        private void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private String rest(int from) {
            return from >= text.length() ? "(end)" : text.substring(from);
        }
    }

    /** Commons Math has no univariate mixture; quantiles come from its default solver on the mixed CDF. */
    final class MixtureDistribution extends AbstractRealDistribution {
        private static final long serialVersionUID = 1L;
        private final double[] weights;
        private final RealDistribution[] parts;

        MixtureDistribution(Mixture mixture) {
            super(null);
            this.weights = mixture.components().stream().mapToDouble(Component::weight).toArray();
            this.parts = mixture.components().stream().map(c -> c.distribution().toReal())
                    .toArray(RealDistribution[]::new);
        }

        @Override
        public double density(double x) {
            double sum = 0;
            for (int i = 0; i < parts.length; i++) {
                sum += weights[i] * parts[i].density(x);
            }
            return sum;
        }

        @Override
        public double cumulativeProbability(double x) {
            double sum = 0;
            for (int i = 0; i < parts.length; i++) {
                sum += weights[i] * parts[i].cumulativeProbability(x);
            }
            return Math.min(1.0, sum);
        }

        @Override
        public double getNumericalMean() {
            double sum = 0;
            for (int i = 0; i < parts.length; i++) {
                sum += weights[i] * parts[i].getNumericalMean();
            }
            return sum;
        }

        @Override
        public double getNumericalVariance() {
            double mean = getNumericalMean();
            double sum = 0;
            for (int i = 0; i < parts.length; i++) {
                double m = parts[i].getNumericalMean();
                sum += weights[i] * (parts[i].getNumericalVariance() + m * m);
            }
            return sum - mean * mean;
        }

        @Override
        public double getSupportLowerBound() {
            double low = Double.POSITIVE_INFINITY;
            for (RealDistribution part : parts) {
                low = Math.min(low, part.getSupportLowerBound());
            }
            return low;
        }

        @Override
        public double getSupportUpperBound() {
            double high = Double.NEGATIVE_INFINITY;
            for (RealDistribution part : parts) {
                high = Math.max(high, part.getSupportUpperBound());
            }
            return high;
        }

        @Override
        @Deprecated
        public boolean isSupportLowerBoundInclusive() {
            return false;
        }

        @Override
        @Deprecated
        public boolean isSupportUpperBoundInclusive() {
            return false;
        }

        @Override
        public boolean isSupportConnected() {
            return true;
        }
    }
}

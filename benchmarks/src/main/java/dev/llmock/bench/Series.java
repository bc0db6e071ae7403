package dev.llmock.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Samples of one figure measured outside JMH (a process timed N times), summarised with JMH's own statistics, so its
 * error means what a JMH row's does: the half-width of the 99.9% confidence interval of the mean (Student's t).
 */
final class Series {
    /** Writes the JSON files that report.py reads. */
    static final ObjectMapper JSON = new ObjectMapper();

    private final String unit;
    private final List<Double> samples = new ArrayList<>();

    Series(String unit) {
        this.unit = unit;
    }

    void add(double sample) {
        samples.add(sample);
    }

    /** {@code {"unit", "n", "mean", "error", "median", "min", "max", "samples"}}, as report.py reads it. */
    ObjectNode toJson() {
        ListStatistics stats = new ListStatistics();
        samples.forEach(stats::addValue);
        ObjectNode node = JSON.createObjectNode().put("unit", unit).put("n", samples.size());
        if (!samples.isEmpty()) {
            node.put("mean", stats.getMean()).put("median", stats.getPercentile(50)).put("min", stats.getMin())
                    .put("max", stats.getMax());
            if (samples.size() > 1) {
                node.put("error", stats.getMeanErrorAt(0.999));
            }
        }
        samples.forEach(node.putArray("samples")::add);
        return node;
    }
}

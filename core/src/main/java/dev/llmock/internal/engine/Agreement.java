package dev.llmock.internal.engine;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjDoubleConsumer;
import java.util.regex.Pattern;

/**
 * How far consensus answers agree, field by field, from 0 (nothing in common) to 1 (the same). Objects are compared
 * field by field and arrays item by item; a field one answer lacks agrees 0. Values: texts that are equal once case
 * and spacing are set aside agree 1, other texts by the share of words they have in common (Jaccard); numbers by
 * closeness, {@code 1 - |a - b| / max(|a|, |b|)}; anything else only when equal. The fields are named by JSON Pointer
 * with {@code *} for array items, without the record index when the answer is a list of records.
 */
final class Agreement {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final int count;
    /** Per pair of answers (i, j), i < j, the sum and the number of field comparisons, per field. */
    private final Map<String, double[]> fields = new LinkedHashMap<>();
    private final double[][] pairs;

    private Agreement(int answers, int count) {
        this.count = count;
        this.pairs = new double[answers][answers];
    }

    /**
     * The agreement of {@code answers} (null for a backend that gave none), each one record for a {@code count} of
     * 1, else a list of records compared record by record.
     */
    static Agreement of(JsonNode[] answers, int count) {
        Agreement agreement = new Agreement(answers.length, count);
        for (int i = 0; i < answers.length; i++) {
            for (int j = i + 1; j < answers.length; j++) {
                if (answers[i] != null && answers[j] != null) {
                    double[] pair = new double[2];
                    agreement.compare(answers[i], answers[j], (field, value) -> {
                        double[] tally = agreement.fields.computeIfAbsent(field, f -> new double[2]);
                        tally[0] += value;
                        tally[1]++;
                        pair[0] += value;
                        pair[1]++;
                    });
                    double similarity = pair[1] == 0 ? 1.0 : pair[0] / pair[1];
                    agreement.pairs[i][j] = similarity;
                    agreement.pairs[j][i] = similarity;
                }
            }
        }
        return agreement;
    }

    /** How well answer {@code i} agrees with the other answers: the mean of its similarities; null when alone. */
    Double of(int i, JsonNode[] answers) {
        double sum = 0;
        int others = 0;
        for (int j = 0; j < answers.length; j++) {
            if (j != i && answers[j] != null) {
                sum += pairs[i][j];
                others++;
            }
        }
        return others == 0 ? null : sum / others;
    }

    /** The mean agreement of every pair of answers; null with fewer than two. */
    Double overall(JsonNode[] answers) {
        double sum = 0;
        int compared = 0;
        for (int i = 0; i < answers.length; i++) {
            for (int j = i + 1; j < answers.length; j++) {
                if (answers[i] != null && answers[j] != null) {
                    sum += pairs[i][j];
                    compared++;
                }
            }
        }
        return compared == 0 ? null : sum / compared;
    }

    /** Per field, the mean agreement over every pair of answers, in the order the fields were first met. */
    Map<String, Double> fields() {
        Map<String, Double> means = new LinkedHashMap<>();
        fields.forEach((field, tally) -> means.put(field, tally[0] / tally[1]));
        return means;
    }

    private void compare(JsonNode a, JsonNode b, ObjDoubleConsumer<String> out) {
        if (count > 1 && a.isArray() && b.isArray()) {
            for (int k = 0; k < Math.max(a.size(), b.size()); k++) {
                walk(JsonPointer.empty(), a.get(k), b.get(k), out);
            }
            return;
        }
        walk(JsonPointer.empty(), a, b, out);
    }

    private static void walk(JsonPointer pointer, JsonNode a, JsonNode b, ObjDoubleConsumer<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject() && !(a.isEmpty() && b.isEmpty())) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(pointer.appendProperty(name), a.get(name), b.get(name), out);
            }
            return;
        }
        if (a != null && b != null && a.isArray() && b.isArray() && !(a.isEmpty() && b.isEmpty())) {
            for (int k = 0; k < Math.max(a.size(), b.size()); k++) {
                walk(pointer.appendProperty("*"), a.get(k), b.get(k), out);
            }
            return;
        }
        out.accept(pointer.toString(), value(a, b));
    }

    /** The agreement of two values that are not both objects or both arrays. */
    static double value(JsonNode a, JsonNode b) {
        if (a == null || b == null || a.isMissingNode() || b.isMissingNode()) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            double scale = Math.max(Math.abs(x), Math.abs(y));
            return x == y ? 1 : Math.max(0, 1 - Math.abs(x - y) / scale);
        }
        if (a.isTextual() && b.isTextual()) {
            return text(a.asText(), b.asText());
        }
        if (a.isValueNode() && b.isValueNode() && !a.isNull() && !b.isNull()) {
            return normalized(a.asText()).equals(normalized(b.asText())) ? 1 : 0;
        }
        return a.equals(b) ? 1 : 0;
    }

    private static double text(String a, String b) {
        String x = normalized(a);
        String y = normalized(b);
        if (x.equals(y)) {
            return 1;
        }
        Set<String> first = words(x);
        Set<String> second = words(y);
        Set<String> union = new HashSet<>(first);
        union.addAll(second);
        if (union.isEmpty()) {
            return 0;
        }
        first.retainAll(second);
        return (double) first.size() / union.size();
    }

    private static String normalized(String text) {
        return SPACES.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>(Arrays.asList(NOT_WORD.split(text)));
        words.remove("");
        return words;
    }
}

package dev.llmock.shape.suite;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Counts of a conformance run by outcome, keeping what each outcome was about for the failure message. */
public final class Tally {
    /** Where one answer landed. */
    public enum Outcome { RIGHT, WRONG, REFUSED, CRASHED, UNJUDGED }

    private final Map<Outcome, List<String>> seen = new EnumMap<>(Outcome.class);

    public Tally() {
        for (Outcome outcome : Outcome.values()) {
            seen.put(outcome, new ArrayList<>());
        }
    }

    public synchronized void add(Outcome outcome, String what) {
        seen.get(outcome).add(what);
    }

    public synchronized int count(Outcome outcome) {
        return seen.get(outcome).size();
    }

    public synchronized List<String> of(Outcome outcome) {
        return List.copyOf(seen.get(outcome));
    }

    public synchronized int total() {
        return seen.values().stream().mapToInt(List::size).sum();
    }

    public double share(Outcome outcome) {
        return total() == 0 ? 0 : (double) count(outcome) / total();
    }

    /** The first {@code limit} entries of {@code outcome}, one a line. */
    public String list(Outcome outcome, int limit) {
        List<String> all = of(outcome);
        return all.stream().limit(limit).collect(Collectors.joining("\n  ", "\n  ", ""))
                + (all.size() > limit ? "\n  ... and " + (all.size() - limit) + " more" : "");
    }

    /**
     * One line such as {@code 1135 cases: 1130 right, 0 wrong, 5 refused, 0 crashed}, naming the outcomes in their
     * order with {@code words}; outcomes past the words are named only when they occurred.
     */
    public String summary(String unit, String... words) {
        StringBuilder text = new StringBuilder().append(total()).append(' ').append(unit).append(':');
        Outcome[] outcomes = Outcome.values();
        for (int i = 0; i < words.length; i++) {
            text.append(i == 0 ? " " : ", ").append(count(outcomes[i])).append(' ').append(words[i]);
        }
        for (int i = words.length; i < outcomes.length; i++) {
            if (count(outcomes[i]) > 0) {
                text.append(", ").append(count(outcomes[i])).append(' ').append(outcomes[i].name().toLowerCase());
            }
        }
        return text.toString();
    }
}

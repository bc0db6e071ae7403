package dev.llmock.cassette;

import dev.llmock.cassette.internal.Messages;
import java.nio.file.Path;
import java.util.List;

/**
 * What a cassette did in this run: which entries it replayed and recorded, which are stale or unused, and how
 * replaced entries drifted.
 *
 * @param path     the cassette file
 * @param mode     the mode it ran in
 * @param replayed entries answered from the file
 * @param recorded entries generated and recorded in this run (new, stale, re-recorded)
 * @param stale    entries older than {@code maxAge} that were asked for: served in replay, re-recorded in record
 * @param unused   entries in the file that nothing asked for in this run; {@link Cassette#prune()} removes them
 * @param drift    for every replaced entry whose data changed, how it changed
 * @since 0.1.0
 */
public record CassetteReport(Path path, RecordMode mode, List<Entry> replayed, List<Entry> recorded,
                             List<Entry> stale, List<Entry> unused, List<Drift> drift) {

    /**
     * Copies the lists, so the report stays immutable.
     *
     * @param path the cassette file
     * @param mode the mode it ran in
     * @param replayed entries answered from the file
     * @param recorded entries generated and recorded in this run (new, stale, re-recorded)
     * @param stale entries older than {@code maxAge} that were asked for: served in replay, re-recorded in record
     * @param unused entries in the file that nothing asked for in this run; {@link Cassette#prune()} removes them
     * @param drift for every replaced entry whose data changed, how it changed
     */
    public CassetteReport {
        replayed = List.copyOf(replayed);
        recorded = List.copyOf(recorded);
        stale = List.copyOf(stale);
        unused = List.copyOf(unused);
        drift = List.copyOf(drift);
    }

    /**
     * One cassette entry.
     *
     * @param key the request key (SHA-256 of the logical request)
     * @param test the label of the test that recorded it, or null
     * @since 0.1.0
     */
    public record Entry(String key, String test) {
        /** {@return the first 12 characters of the key and the test, for reports} */
        public String describe() {
            String shortKey = key.length() > 12 ? key.substring(0, 12) : key;
            return test == null ? shortKey : shortKey + " " + test;
        }
    }

    /**
     * How a replaced entry's data changed. Paths are JSON Pointers; {@code *} stands for every array item.
     *
     * @param entry the entry
     * @param added fields the new data has and the old did not
     * @param removed fields the old data had and the new does not
     * @param typeChanged fields whose JSON type changed, as {@code /age: number -> string}
     * @param valuesChanged concrete paths whose value changed with the same type
     * @since 0.1.0
     */
    public record Drift(Entry entry, List<String> added, List<String> removed, List<String> typeChanged,
                        List<String> valuesChanged) {
        /**
         * Copies the lists, so the drift stays immutable.
         *
         * @param entry the entry
         * @param added fields the new data has and the old did not
         * @param removed fields the old data had and the new does not
         * @param typeChanged fields whose JSON type changed, as {@code /age: number -> string}
         * @param valuesChanged concrete paths whose value changed with the same type
         */
        public Drift {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            typeChanged = List.copyOf(typeChanged);
            valuesChanged = List.copyOf(valuesChanged);
        }

        /** {@return true when fields were added, removed or changed type, as opposed to values only} */
        public boolean structural() {
            return !added.isEmpty() || !removed.isEmpty() || !typeChanged.isEmpty();
        }
    }

    /** {@return true when the run changed nothing worth reporting: no recording, no stale or unused entries} */
    public boolean isQuiet() {
        return recorded.isEmpty() && stale.isEmpty() && unused.isEmpty();
    }

    /** {@return A short summary for people, one line per notable entry} */
    public String render() {
        return Messages.report(this);
    }
}

package dev.llmock.cassette.internal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Undoes what this run recorded for a test, restoring each entry as it was before the run (dropping it when it was
 * new), so that the next save leaves the file's entries for that test as they were.
 */
final class RecordingDiscarder {
    private final CassetteEntries entries;
    private final RunLog log;
    private final EntryCodec codec;

    RecordingDiscarder(CassetteEntries entries, RunLog log, EntryCodec codec) {
        this.entries = entries;
        this.log = log;
        this.codec = codec;
    }

    /** Undoes the recordings of the entries labelled {@code test}. */
    int byTest(String test) {
        String label = codec.label(test);
        List<String> keys = new TreeSet<>(entriesRecorded()).stream()
                .filter(key -> Objects.equals(label, EntryCodec.test(entries.get(key)))).toList();
        return byKeys(keys);
    }

    /** Undoes the recordings of these keys; keys this run did not record are left alone. */
    int byKeys(Collection<String> keys) {
        int count = 0;
        for (String key : new TreeSet<>(keys)) {
            if (log.wasRecorded(key) && entries.restore(key)) {
                log.undone(key);
                count++;
            }
        }
        return count;
    }

    private Collection<String> entriesRecorded() {
        return entries.sorted().keySet().stream().filter(log::wasRecorded).toList();
    }
}

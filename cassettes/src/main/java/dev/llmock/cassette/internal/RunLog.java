package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.cassette.CassetteReport;
import dev.llmock.cassette.RecordMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** What one run did with a cassette's entries: asked, replayed, recorded, stale, drifted. Thread-safe. */
final class RunLog {
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final Set<String> replayed = ConcurrentHashMap.newKeySet();
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();
    private final Set<String> stale = ConcurrentHashMap.newKeySet();
    private final Map<String, CassetteReport.Drift> drift = new ConcurrentHashMap<>();

    void asked(String key) {
        asked.add(key);
    }

    boolean wasAsked(String key) {
        return asked.contains(key);
    }

    /** An entry answered from the file; one this run recorded counts as recorded only. */
    void replayed(String key) {
        if (!recorded.contains(key)) {
            replayed.add(key);
        }
    }

    void stale(String key) {
        stale.add(key);
    }

    void recorded(String key) {
        recorded.add(key);
    }

    boolean wasRecorded(String key) {
        return recorded.contains(key);
    }

    /** How a replaced entry's data changed; null when it did not. */
    void drift(String key, CassetteReport.Drift change) {
        if (change == null) {
            drift.remove(key);
        } else {
            drift.put(key, change);
        }
    }

    /** Forgets that this run recorded {@code key}: its recording was undone. */
    void undone(String key) {
        recorded.remove(key);
        drift.remove(key);
    }

    CassetteReport report(Path path, RecordMode mode, CassetteEntries entries) {
        SortedMap<String, JsonNode> now = new TreeMap<>(entries.sorted());
        Set<String> unused = new TreeSet<>(entries.loaded());
        unused.removeAll(asked);
        unused.retainAll(now.keySet());
        return new CassetteReport(path, mode, describe(replayed, now), describe(recorded, now),
                describe(stale, now), describe(unused, now), new TreeMap<>(drift).values().stream().toList());
    }

    static CassetteReport.Entry describe(String key, JsonNode entry) {
        return new CassetteReport.Entry(key, EntryCodec.test(entry));
    }

    private static List<CassetteReport.Entry> describe(Set<String> keys, Map<String, JsonNode> entries) {
        List<CassetteReport.Entry> result = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            result.add(describe(key, entries.get(key)));
        }
        return result;
    }
}

package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.cassette.RecordMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * The entries of one open cassette and how this run changed them: which keys must be written or removed at the next
 * save, and what each changed key held before the run first changed it (to restore a failed test's entries).
 * Thread-safe: reads need no lock, changes take one.
 */
final class CassetteEntries {
    private final Object lock = new Object();
    private final Map<String, ObjectNode> entries;
    private final Set<String> loaded;
    /** Guarded by {@link #lock}: each changed key's entry before this run changed it; empty when it was new. */
    private final Map<String, Optional<ObjectNode>> originals = new HashMap<>();
    /** Guarded by {@link #lock}: keys to write at the next save. */
    private final Set<String> dirty = new HashSet<>();
    /** Guarded by {@link #lock}: keys to remove from the file at the next save. */
    private final Set<String> removed = new HashSet<>();
    /** Guarded by {@link #lock}: built on first use (only recording looks for entries to grow), then kept current. */
    private RequestsOutsideShape outsideShape;

    private CassetteEntries(Map<String, ObjectNode> fromFile) {
        entries = new ConcurrentHashMap<>(Math.max(16, fromFile.size() * 4 / 3 + 1));
        entries.putAll(fromFile);
        loaded = Set.copyOf(fromFile.keySet());
    }

    /** The file's entries, read now; none in {@link RecordMode#LIVE}, where the file is not read. */
    static CassetteEntries load(CassetteFile file, RecordMode mode) {
        // entries with equal shapes share one tree of it (CassetteFile.read), read-only from here on
        return new CassetteEntries(mode == RecordMode.LIVE ? Map.of() : file.load());
    }

    ObjectNode get(String key) {
        return entries.get(key);
    }

    int size() {
        return entries.size();
    }

    /** The keys the file held when it was opened. */
    Set<String> loaded() {
        return loaded;
    }

    /** Visits the entries as they are now, in no particular order, without copying them. */
    void forEach(BiConsumer<String, ObjectNode> action) {
        entries.forEach(action);
    }

    /**
     * The keys of entries whose request may equal {@code request} in everything but the shape (a superset: check
     * each), found without a pass over the entries.
     */
    List<String> sameOutsideShape(JsonNode request) {
        synchronized (lock) {
            if (outsideShape == null) {
                outsideShape = new RequestsOutsideShape();
                entries.forEach(outsideShape::add);
            }
            return outsideShape.candidates(request);
        }
    }

    /** Keeps the index current, when there is one; called under {@link #lock} for every change of an entry. */
    private void changed(String key, ObjectNode before, ObjectNode after) {
        if (outsideShape != null) {
            if (before != null) {
                outsideShape.remove(key, before);
            }
            if (after != null) {
                outsideShape.add(key, after);
            }
        }
    }

    /** A sorted copy of the entries as they are now. */
    SortedMap<String, ObjectNode> sorted() {
        return new TreeMap<>(entries);
    }

    /**
     * Keeps a recorded entry, to be written at the next save.
     *
     * @return the entry this key held before this run changed it, empty when the key is new
     */
    Optional<ObjectNode> put(String key, ObjectNode entry) {
        synchronized (lock) {
            ObjectNode before = entries.put(key, entry);
            changed(key, before, entry);
            originals.putIfAbsent(key, Optional.ofNullable(before));
            dirty.add(key);
            removed.remove(key);
            return originals.get(key);
        }
    }

    /** Removes the entries {@code which} selects (visited in key order), to be removed from the file at the next save. */
    int removeIf(BiPredicate<String, ObjectNode> which) {
        synchronized (lock) {
            int count = 0;
            for (String key : new TreeSet<>(entries.keySet())) {
                if (which.test(key, entries.get(key))) {
                    changed(key, entries.remove(key), null);
                    dirty.remove(key);
                    removed.add(key);
                    count++;
                }
            }
            return count;
        }
    }

    /**
     * Puts back what {@code key} held before this run changed it, or drops it when it was new, so that the next save
     * leaves the file's entry as it was.
     *
     * @return false when this run did not change the key
     */
    boolean restore(String key) {
        synchronized (lock) {
            Optional<ObjectNode> before = originals.remove(key);
            if (before == null) {
                return false;
            }
            // an unsaved change is undone by not writing it; a saved one by writing the original back
            boolean unsaved = dirty.contains(key);
            if (before.isPresent()) {
                changed(key, entries.put(key, before.get()), before.get());
                if (unsaved) {
                    dirty.remove(key);
                } else {
                    dirty.add(key);
                }
            } else {
                changed(key, entries.remove(key), null);
                if (unsaved) {
                    dirty.remove(key);
                } else {
                    removed.add(key);
                }
            }
            return true;
        }
    }

    /** What the next save must write and remove; null when nothing changed. */
    Changes changes() {
        synchronized (lock) {
            if (dirty.isEmpty() && removed.isEmpty()) {
                return null;
            }
            Map<String, ObjectNode> written = new HashMap<>();
            for (String key : dirty) {
                ObjectNode entry = entries.get(key);
                if (entry != null) {
                    written.put(key, entry);
                }
            }
            return new Changes(written, Set.copyOf(removed));
        }
    }

    /** Marks {@code changes} as on disk, except keys that changed again meanwhile. */
    void saved(Changes changes) {
        synchronized (lock) {
            changes.written().forEach((key, entry) -> {
                if (entries.get(key) == entry) {
                    dirty.remove(key);
                }
            });
            changes.removed().stream().filter(key -> !entries.containsKey(key)).forEach(removed::remove);
        }
    }

    /**
     * A save's worth of changes.
     *
     * @param written entries to put into the file
     * @param removed keys to remove from the file
     */
    record Changes(Map<String, ObjectNode> written, Set<String> removed) {
    }
}

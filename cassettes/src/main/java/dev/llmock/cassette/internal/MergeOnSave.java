package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.LlmockException;
import dev.llmock.cassette.CorruptCassetteException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SortedMap;

/**
 * Writes what a run changed into the cassette file, merged with the file as it is on disk at that moment (other
 * threads and JVMs may have written to it), so parallel writers lose no entry. When the file on disk cannot be taken
 * (damaged, read-only, a link to nowhere), the entries held in memory are written beside it, to
 * {@code <name>.recovered-<time>.json}, rather than lost, and the failure is raised naming both files. Other failures
 * (the directory's lock, an unwritable directory) leave the changes unsaved for the next save to try again.
 */
final class MergeOnSave {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final CassetteFile file;
    private final CassetteEntries entries;
    private final Clock clock;
    /** One save at a time, so two saves of one session never write the same changes twice. */
    private final Object saving = new Object();
    /** Guarded by {@link #saving}: where this session's entries went when the file could not be written. */
    private Path recovered;

    MergeOnSave(CassetteFile file, CassetteEntries entries, Clock clock) {
        this.file = file;
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Writes the changes since the last save; false when there were none or the file already held them.
     *
     * @throws CorruptCassetteException when the file on disk cannot be read; the entries are then written beside it
     * @throws LlmockException when the file is refused (then the entries are written beside it) or cannot be written
     */
    boolean save() {
        synchronized (saving) {
            CassetteEntries.Changes changes = entries.changes();
            if (changes == null) {
                return false;
            }
            boolean wrote;
            try {
                wrote = file.update(onDisk -> {
                    onDisk.putAll(changes.written());
                    changes.removed().forEach(onDisk::remove);
                });
            } catch (CorruptCassetteException e) {
                throw new CorruptCassetteException(e.getMessage() + " " + recover(changes), e.path(), e.line(),
                        e.column(), e.getCause());
            } catch (CassetteFile.Refused e) {
                throw new LlmockException(e.getMessage() + " " + recover(changes), e);
            }
            entries.saved(changes);
            return wrote;
        }
    }

    /** Writes every entry held now next to the cassette; the changes stay unsaved, for a later save to retry. */
    private String recover(CassetteEntries.Changes changes) {
        if (recovered == null) {
            String name = file.path().getFileName().toString().replaceFirst("\\.json$", "");
            recovered = file.path().resolveSibling(name + ".recovered-" + STAMP.format(clock.instant()) + ".json");
        }
        SortedMap<String, ObjectNode> all = entries.sorted();
        try {
            new CassetteFile(recovered).update(onDisk -> {
                onDisk.clear();
                onDisk.putAll(all);
            });
            return Messages.recovered(recovered, all.size(), changes.written().size() + changes.removed().size());
        } catch (LlmockException e) {
            return Messages.notRecovered(e);
        }
    }
}

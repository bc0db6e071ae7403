package dev.llmock.cassette.internal;

/**
 * Writes what a run changed into the cassette file, merged with the file as it is on disk at that moment (other
 * threads and JVMs may have written to it), so parallel writers lose no entry.
 */
final class MergeOnSave {
    private final CassetteFile file;
    private final CassetteEntries entries;
    /** One save at a time, so two saves of one session never write the same changes twice. */
    private final Object saving = new Object();

    MergeOnSave(CassetteFile file, CassetteEntries entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Writes the changes since the last save; false when there were none or the file already held them. */
    boolean save() {
        synchronized (saving) {
            CassetteEntries.Changes changes = entries.changes();
            if (changes == null) {
                return false;
            }
            boolean wrote = file.update(onDisk -> {
                onDisk.putAll(changes.written());
                changes.removed().forEach(onDisk::remove);
            });
            entries.saved(changes);
            return wrote;
        }
    }
}

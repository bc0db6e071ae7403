package dev.llmock.cassette.internal;

/** Removes entries nobody needs any more: unused in this run, or unused and older than {@code maxAge}. */
final class EntryPruner {
    private final CassetteEntries entries;
    private final RunLog log;
    private final Staleness staleness;

    EntryPruner(CassetteEntries entries, RunLog log, Staleness staleness) {
        this.entries = entries;
        this.log = log;
        this.staleness = staleness;
    }

    /** Removes the entries the file held that nothing asked for in this run. */
    int unused() {
        return entries.removeIf((key, entry) -> entries.loaded().contains(key) && !log.wasAsked(key));
    }

    /** Removes the entries older than {@code maxAge} that nothing asked for in this run; none without a maxAge. */
    int stale() {
        if (!staleness.hasMaxAge()) {
            return 0;
        }
        return entries.removeIf((key, entry) -> !log.wasAsked(key) && staleness.isStale(entry));
    }
}

package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Whether an entry is older than {@code maxAge}; with no maxAge nothing is stale. */
final class Staleness {
    private final Duration maxAge;
    private final Clock clock;

    /** {@code maxAge} may be null: then nothing is stale. */
    Staleness(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    boolean isStale(JsonNode entry) {
        if (maxAge == null) {
            return false;
        }
        Instant recordedAt = EntryCodec.recordedAt(entry);
        return recordedAt == null || recordedAt.plus(maxAge).isBefore(clock.instant());
    }

    boolean hasMaxAge() {
        return maxAge != null;
    }
}

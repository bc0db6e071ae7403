package dev.llmock.internal.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import net.datafaker.service.RandomService;

/**
 * Values from the type alone. Dates come from fixed windows, never from the clock, so the same seed gives the
 * same data in any year: past dates lie in 2015-2024, future dates in 2040-2044.
 */
final class Values {
    static final Instant PAST_START = Instant.parse("2015-01-01T00:00:00Z");
    static final Instant PAST_END = Instant.parse("2024-12-31T00:00:00Z");
    static final Instant FUTURE_START = Instant.parse("2040-01-01T00:00:00Z");
    static final Instant FUTURE_END = Instant.parse("2044-12-31T00:00:00Z");

    private Values() {
    }

    static UUID uuid(RandomService random) {
        long high = random.nextLong();
        long low = random.nextLong();
        high = (high & ~0xF000L) | 0x4000L; // version 4
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low);
    }

    static Instant pastInstant(RandomService random, RecordContext record) {
        // A record's later timestamps (updatedAt after createdAt) follow its earlier ones.
        Instant from = record.lastInstant != null && record.lastInstant.isBefore(PAST_END) ? record.lastInstant
                : PAST_START;
        Instant value = between(random, from, PAST_END);
        record.lastInstant = value;
        return value;
    }

    static Instant futureInstant(RandomService random) {
        return between(random, FUTURE_START, FUTURE_END);
    }

    static LocalDate toDate(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static Instant between(RandomService random, Instant from, Instant to) {
        long seconds = Math.max(1, ChronoUnit.SECONDS.between(from, to));
        return from.plusSeconds(random.nextLong(seconds));
    }
}

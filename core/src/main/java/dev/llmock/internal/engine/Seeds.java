package dev.llmock.internal.engine;

/** Deterministic seeds: the same global seed and logical request give the same numbers on every JVM. */
public final class Seeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The seed of a request: its key's first 64 bits mixed with the global seed. */
    public static long forRequest(long globalSeed, String hexKey) {
        long fromKey = Long.parseUnsignedLong(hexKey.substring(0, 16), 16);
        return mix(fromKey ^ mix(globalSeed));
    }

    /** The seed of record {@code index} of a request. */
    public static long forRecord(long requestSeed, int index) {
        return mix(requestSeed + GOLDEN * (index + 1L));
    }

    /**
     * The seed of one call of a stage: records from {@code firstIndex}, asked for in {@code round} (0 for the first
     * time, then once per round of asking again). The stage's first call keeps the stage seed, so a request for one
     * record is seeded alike whatever the count; every other call gets its own, so that a model given the same
     * prompt does not give the same records again.
     */
    public static long forCall(long stageSeed, int firstIndex, int round) {
        if (firstIndex == 0 && round == 0) {
            return stageSeed;
        }
        return mix(forRecord(stageSeed, firstIndex) ^ mix(GOLDEN * (round + 1L)));
    }

    /** SplitMix64's finaliser: spreads nearby inputs over the whole range. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one stage by slot, as batches fill them, each with its fingerprint ({@link
 * IdentifyingFields#fingerprint}) taken on the worker that made it (while the record was fresh in that core's cache):
 * looking through thousands of records for duplicates then hashes none of them again.
 */
final class MadeRecords {
    private final JsonNode[] records;
    private final int[] hashes;

    MadeRecords(int count) {
        this.records = new JsonNode[count];
        this.hashes = new int[count];
    }

    /** The records by slot, null where none is made yet; the array itself, for the job to read and clear. */
    JsonNode[] records() {
        return records;
    }

    /** Fills {@code slot} with {@code record}, whose fingerprint is {@code hash}. */
    void put(int slot, JsonNode record, int hash) {
        records[slot] = record;
        hashes[slot] = hash;
    }

    /** Slots with no record, and with {@code duplicates} also slots repeating an earlier record. */
    List<Integer> gaps(boolean duplicates) {
        List<Integer> gaps = new ArrayList<>();
        Map<Seen, Integer> seen = duplicates ? new HashMap<>(records.length * 2) : null;
        for (int i = 0; i < records.length; i++) {
            if (records[i] == null) {
                gaps.add(i);
            } else if (duplicates && seen.putIfAbsent(new Seen(records[i], hashes[i]), i) != null) {
                gaps.add(i);
            }
        }
        return gaps;
    }

    /** The fingerprint of each record of {@code output} (an array), as {@link #put} wants them. */
    static int[] hashes(JsonNode output, IdentifyingFields identifying) {
        int[] hashes = new int[output.size()];
        for (int k = 0; k < hashes.length; k++) {
            hashes[k] = identifying.fingerprint(output.get(k));
        }
        return hashes;
    }

    /** A record in the look for duplicates, with its fingerprint taken ahead. */
    private record Seen(JsonNode record, int hash) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Seen seen && seen.hash == hash && seen.record.equals(record);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.FixtureRequest;
import dev.llmock.cassette.RecordMode;
import dev.llmock.cassette.ReplayMissException;
import dev.llmock.internal.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Explains a replay miss: the recorded entry nearest to the request (fewest differing fields; on a tie, one recorded
 * for the same test) and the fields in which it differs.
 */
final class NearestMiss {
    private final Path path;
    private final RecordMode mode;
    private final CassetteEntries entries;
    private final EntryCodec codec;

    NearestMiss(Path path, RecordMode mode, CassetteEntries entries, EntryCodec codec) {
        this.path = path;
        this.mode = mode;
        this.entries = entries;
        this.codec = codec;
    }

    ReplayMissException explain(FixtureRequest request) {
        ObjectNode wanted = codec.request(request);
        String label = request.label();
        String nearestKey = null;
        List<String> nearestDiff = List.of();
        boolean nearestSameTest = false;
        Map<String, ObjectNode> recorded = entries.sorted();
        for (Map.Entry<String, ObjectNode> candidate : recorded.entrySet()) {
            List<String> diff = RequestDiff.differences(candidate.getValue().get("request"), wanted);
            boolean sameTest = label != null && label.equals(EntryCodec.test(candidate.getValue()));
            if (nearestKey == null || diff.size() < nearestDiff.size()
                    || diff.size() == nearestDiff.size() && sameTest && !nearestSameTest) {
                nearestKey = candidate.getKey();
                nearestDiff = diff;
                nearestSameTest = sameTest;
            }
        }
        String nearestTest = nearestKey == null ? null : EntryCodec.test(recorded.get(nearestKey));
        String key = request.key().hash();
        String message = Messages.replayMiss(path, mode, codec.label(label), key, Json.compact(wanted), nearestKey,
                nearestTest, nearestDiff, recorded.size());
        return new ReplayMissException(message, path, label, key, nearestKey, nearestDiff);
    }
}

package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Answers requests from recorded entries, reading each entry's provenance once however often it is replayed. */
final class Replayer {
    private final EntryCodec codec;
    private final RunLog log;
    private final Map<String, Replayed> replayed = new ConcurrentHashMap<>();

    private record Replayed(ObjectNode entry, Fixture fixture) {
    }

    Replayer(EntryCodec codec, RunLog log) {
        this.codec = codec;
        this.log = log;
    }

    Fixture replay(String key, ObjectNode entry) {
        log.replayed(key);
        Replayed known = replayed.get(key);
        if (known != null && known.entry() == entry) {
            return known.fixture();
        }
        Fixture fixture = codec.fixture(key, entry);
        replayed.put(key, new Replayed(entry, fixture));
        return fixture;
    }
}

package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.spi.FixtureInterceptor;
import java.util.Optional;

/**
 * Generates a request through the rest of the chain and keeps the result as the request's entry, redacted; reports how
 * a replaced entry's data drifted.
 */
final class Recorder {
    private final EntryCodec codec;
    private final CassetteEntries entries;
    private final RunLog log;
    private final IncrementalRecording incremental;

    Recorder(EntryCodec codec, CassetteEntries entries, RunLog log, IncrementalRecording incremental) {
        this.codec = codec;
        this.entries = entries;
        this.log = log;
        this.incremental = incremental;
    }

    /**
     * @param mayGrow whether to look for a recorded entry whose shape only gained fields (a request new to the file)
     * @return the fixture as it was kept, so a recording run hands out what a replaying run will
     */
    Fixture record(FixtureInterceptor.Chain chain, FixtureRequest request, boolean mayGrow) {
        IncrementalRecording.Growth growth = mayGrow ? incremental.find(request) : null;
        Fixture generated = chain.proceed(request);
        Fixture kept = growth == null ? generated : incremental.apply(growth, request, generated);
        ObjectNode entry = codec.entry(request, kept.json(), kept.provenance());
        String key = request.key().hash();
        Optional<ObjectNode> original = entries.put(key, entry);
        log.recorded(key);
        original.ifPresent(before -> log.drift(key, DriftDetector.compare(RunLog.describe(key, entry),
                before.get("fixture"), entry.get("fixture"))));
        return new Fixture(entry.get("fixture"), kept.provenance());
    }
}

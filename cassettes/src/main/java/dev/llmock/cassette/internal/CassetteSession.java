package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.cassette.CassetteReport;
import dev.llmock.cassette.CassetteStats;
import dev.llmock.cassette.RecordMode;
import dev.llmock.spi.FixtureInterceptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One open cassette: asks the {@link ModePolicy} what to do with each request and hands it to the class whose job that
 * is (replay, record, explain a miss), and saves, prunes and discards on request. Thread-safe: parallel test methods
 * share one session.
 */
public final class CassetteSession {
    private final Path path;
    private final RecordMode mode;
    private final ModePolicy policy;
    private final CassetteEntries entries;
    private final RunLog log = new RunLog();
    private final Replayer replayer;
    private final Recorder recorder;
    private final NearestMiss nearestMiss;
    private final MergeOnSave merge;
    private final BackgroundFlush flush;
    private final EntryPruner pruner;
    private final RecordingDiscarder discarder;

    /**
     * How a session reads, records and writes.
     *
     * @param mode        the record mode
     * @param clock       judges {@code maxAge} and names recovered files
     * @param maxAge      entries older than this are stale; null for none
     * @param redact      the user's redaction patterns, on top of the built-in ones
     * @param lockTimeout how long a write waits for the directory's lock
     * @param flushAfter  how soon recorded entries are written; zero for only on save
     */
    public record Options(RecordMode mode, Clock clock, Duration maxAge, List<Pattern> redact, Duration lockTimeout,
                          Duration flushAfter) {
    }

    /** Opens the cassette file, loading it now unless the mode is {@link RecordMode#LIVE}. */
    public static CassetteSession open(Path file, Options options) {
        return new CassetteSession(new CassetteFile(file, options.lockTimeout()), options);
    }

    private CassetteSession(CassetteFile file, Options options) {
        this.path = file.path();
        this.mode = options.mode();
        Staleness staleness = new Staleness(options.maxAge(), options.clock());
        this.policy = new ModePolicy(mode, Files.exists(path), staleness);
        this.entries = CassetteEntries.load(file, mode);
        EntryCodec codec = new EntryCodec(path, new Redactor(options.redact()));
        this.replayer = new Replayer(codec, log);
        this.recorder = new Recorder(codec, entries, log, new IncrementalRecording(entries, codec));
        this.nearestMiss = new NearestMiss(path, mode, entries, codec);
        this.merge = new MergeOnSave(file, entries, options.clock());
        this.flush = new BackgroundFlush(options.flushAfter(), path, merge);
        this.pruner = new EntryPruner(entries, log, staleness);
        this.discarder = new RecordingDiscarder(entries, log, codec);
    }

    public Path path() {
        return path;
    }

    public RecordMode mode() {
        return mode;
    }

    /** True when this cassette answers only from its entries: {@code replay}, or {@code once} on an existing file. */
    public boolean replayOnly() {
        return policy.replayOnly();
    }

    /** The cassette's part in the interceptor chain. */
    public Fixture intercept(FixtureInterceptor.Chain chain) {
        FixtureRequest request = chain.request();
        if (mode == RecordMode.LIVE) {
            return chain.proceed(request);
        }
        String key = request.key().hash();
        log.asked(key);
        ObjectNode entry = entries.get(key);
        ModePolicy.Decision decision = policy.decide(entry, entry != null && log.wasRecorded(key));
        if (decision.stale()) {
            log.stale(key);
        }
        switch (decision.action()) {
            case REPLAY:
                return replayer.replay(key, entry);
            case MISS:
                throw nearestMiss.explain(request);
            case RECORD:
                return recorded(recorder.record(chain, request, false));
            case RECORD_OR_GROW:
                return recorded(recorder.record(chain, request, true));
            default:
                return chain.proceed(request);
        }
    }

    private Fixture recorded(Fixture fixture) {
        flush.recorded();
        return fixture;
    }

    public CassetteReport report() {
        return log.report(path, mode, entries);
    }

    /**
     * Writes what this run recorded and removed, merged with the file as it is now; when the file cannot be taken,
     * writes the entries beside it and throws.
     */
    public boolean save() {
        return mode != RecordMode.LIVE && merge.save();
    }

    /** Removes the loaded entries nothing asked for in this run; the next {@link #save()} writes that. */
    public int prune() {
        return pruner.unused();
    }

    /** Removes the entries older than {@code maxAge} that nothing asked for in this run. */
    public int pruneStale() {
        return pruner.stale();
    }

    /** Forgets what this run recorded for {@code test}, restoring the entries as they were; returns how many. */
    public int discard(String test) {
        return discarder.byTest(test);
    }

    /**
     * A test that asked for these keys failed: undoes its recordings when the mode says so ({@code rerecord}), keeps
     * them otherwise; returns how many entries were restored or dropped.
     */
    public int testFailed(Collection<String> keys) {
        return policy.undoesFailedTests() ? discarder.byKeys(keys) : 0;
    }

    public CassetteStats stats() {
        return CassetteVerifier.stats(path, entries.sorted());
    }
}

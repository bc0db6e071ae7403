package dev.llmock.cassette;

import dev.llmock.cassette.internal.CassetteSession;
import dev.llmock.cassette.internal.Messages;
import dev.llmock.spi.FixtureInterceptor;
import java.nio.file.Path;
import java.util.Collection;

/**
 * One cassette file, open for a run: its {@link #interceptor()} answers requests from the file or records them,
 * according to the {@link RecordMode}; {@link #save()} (or {@link #close()}) writes what was recorded.
 *
 * <pre>{@code
 * Cassettes cassettes = Cassettes.newBuilder().build();
 * try (Cassette cassette = cassettes.open("com.acme.UserTest");
 *      Llmock llmock = Llmock.newBuilder().interceptor(cassette.interceptor()).build()) {
 *     User user = llmock.generate(request).as(User.class);
 * }
 * }</pre>
 *
 * <p>What the modes do with a request:
 * <ul>
 * <li>{@code once} (VCR's): on a cassette file that did not exist when it was opened, as {@code record}; on an
 *     existing one, as {@code replay}, so a request it does not hold fails.</li>
 * <li>{@code replay} (VCR: {@code none}): the recorded entry, or {@link ReplayMissException}; never a backend call.
 *     Entries older than {@code maxAge} are still served and listed as stale in the {@link #report()}.</li>
 * <li>{@code record} (VCR: {@code new_episodes}): the recorded entry; missing and stale entries are generated and
 *     recorded. When the request misses only because its shape gained properties, the old entry's values are kept
 *     and only the new fields come from the fresh generation (provenance detail {@code incremental}).</li>
 * <li>{@code rerecord} (VCR: {@code all}): every request is generated again (once per run) and replaces its entry;
 *     the report says how the data drifted.</li>
 * <li>{@code live}: requests pass through; the file is neither read nor written.</li>
 * </ul>
 * Secrets are redacted before an entry is kept, so what a test receives while recording equals what it receives
 * when replaying. Instances are thread-safe.
 *
 * @since 0.1.0
 */
public final class Cassette implements AutoCloseable {
    private final String name;
    private final CassetteSession session;
    private final FixtureInterceptor interceptor;
    /** Why recording fails the run ({@code failOnRecord} and where it was set), or null when it does not. */
    private final String failOnRecord;

    Cassette(String name, CassetteSession session, String failOnRecord) {
        this.name = name;
        this.session = session;
        this.interceptor = session::intercept;
        this.failOnRecord = failOnRecord;
    }

    /** {@return the name it was opened with, e.g. {@code com.acme.UserTest}} */
    public String name() {
        return name;
    }

    /** {@return the file, {@code <directory>/<name>.json}} */
    public Path path() {
        return session.path();
    }

    /** {@return the mode this cassette runs in} */
    public RecordMode mode() {
        return session.mode();
    }

    /**
     * {@return true when this cassette only replays, so no request reaches a backend: {@code replay}, and {@code once}
     * on
     * a file that existed when it was opened}
     *
     * @since 0.2.0
     */
    public boolean replayOnly() {
        return session.replayOnly();
    }

    /**
     * Fails when {@link CassetteSettings#FAIL_ON_RECORD} is on and this run recorded anything; does nothing
     * otherwise. Call it after {@link #save()}: the JUnit and WireMock extensions call it when a test class ends.
     *
     * @throws UnexpectedRecordingException listing what was recorded and how to allow it
     * @since 0.2.0
     */
    public void checkFailOnRecord() {
        if (failOnRecord == null) {
            return;
        }
        CassetteReport report = session.report();
        if (!report.recorded().isEmpty()) {
            throw new UnexpectedRecordingException(Messages.recordedWhileForbidden(report, failOnRecord), report);
        }
    }

    /**
     * {@return the interceptor to add with {@code Llmock.newBuilder().interceptor(...)}; the same instance every time}
     */
    public FixtureInterceptor interceptor() {
        return interceptor;
    }

    /** {@return what happened so far in this run} */
    public CassetteReport report() {
        return session.report();
    }

    /**
     * Writes what this run recorded or removed, merged with the file as it is on disk now (other threads and JVMs
     * may have written to it), atomically. Writes nothing when nothing changed.
     *
     * @return whether the file was written
     * @throws CorruptCassetteException when the file on disk cannot be read; it is left untouched
     */
    public boolean save() {
        return session.save();
    }

    /**
     * Removes the entries that were in the file and nothing asked for in this run (the report's {@code unused});
     * the next {@link #save()} writes the removal. Call it only after every test that uses this cassette has run.
     *
     * @return how many entries were removed
     */
    public int prune() {
        return session.prune();
    }

    /**
     * Removes the entries older than {@code maxAge} that nothing asked for in this run; 0 without a maxAge.
     *
     * @return how many entries were removed
     */
    public int pruneStale() {
        return session.pruneStale();
    }

    /**
     * Forgets what this run recorded for the test labelled {@code test}, restoring its entries as they were before:
     * a failed test must not rewrite its cassette entries.
     *
     * @return how many entries were restored or dropped
     * @param test the test's label, as the requests carried it
     */
    public int discard(String test) {
        return session.discard(test);
    }

    /**
     * Tells the cassette that the test which asked for these request keys failed. In {@link RecordMode#RERECORD} its
     * entries go back to what they were before this run (new ones are dropped), so a failing test never overwrites
     * good entries; in {@link RecordMode#RECORD} what it recorded is kept, so the failure replays. The JUnit and
     * WireMock extensions call this when a test ends with an exception.
     *
     * @param keys the {@link dev.llmock.RequestKey#hash() keys} of the requests the test made
     * @return how many entries were restored or dropped
     * @since 0.2.0
     */
    public int testFailed(Collection<String> keys) {
        return session.testFailed(keys);
    }

    /** {@return entries, backends, oldest and newest recording, and file size, as held now} */
    public CassetteStats stats() {
        return session.stats();
    }

    /** Same as {@link #save()}. */
    @Override
    public void close() {
        session.save();
    }

    @Override
    public String toString() {
        return "Cassette[" + path() + ", " + mode().id() + "]";
    }
}

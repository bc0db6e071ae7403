package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.cassette.RecordMode;

/**
 * What a cassette does with a request in each {@link RecordMode}, and with a failed test's recordings. The one place
 * where the modes differ; the rest of the cassette carries the decision out.
 */
final class ModePolicy {
    private final RecordMode mode;
    /** What the mode comes to for this cassette: {@code once} is {@code replay} or {@code record}. */
    private final RecordMode effective;
    private final Staleness staleness;

    /** @param cassetteExisted whether the cassette file existed when it was opened (what {@code once} goes by) */
    ModePolicy(RecordMode mode, boolean cassetteExisted, Staleness staleness) {
        this.mode = mode;
        this.effective = mode != RecordMode.ONCE ? mode : cassetteExisted ? RecordMode.REPLAY : RecordMode.RECORD;
        this.staleness = staleness;
    }

    /** True when no request may be generated: {@code replay}, and {@code once} on a cassette that existed. */
    boolean replayOnly() {
        return effective == RecordMode.REPLAY;
    }

    /** What to do with a request. */
    enum Action {
        /** Go on down the chain; the cassette takes no part ({@code live}). */
        PASS_THROUGH,
        /** Answer from the recorded entry. */
        REPLAY,
        /** Fail: nothing recorded, and the mode forbids generating ({@code replay}, {@code once} on an existing file). */
        MISS,
        /** Generate and keep the result, replacing what is recorded. */
        RECORD,
        /** Generate and keep the result, growing a recorded entry whose shape only gained fields, if there is one. */
        RECORD_OR_GROW
    }

    /**
     * A decision for one request.
     *
     * @param action what to do
     * @param stale  whether the recorded entry is older than {@code maxAge} (for the report)
     */
    record Decision(Action action, boolean stale) {
    }

    /**
     * @param entry            the recorded entry for the request, or null
     * @param recordedThisRun  whether this run already recorded it (a run generates each request once)
     */
    Decision decide(ObjectNode entry, boolean recordedThisRun) {
        switch (effective) {
            case LIVE:
                return new Decision(Action.PASS_THROUGH, false);
            case REPLAY:
                return entry == null ? new Decision(Action.MISS, false)
                        : new Decision(Action.REPLAY, staleness.isStale(entry));
            case RECORD:
                if (entry == null) {
                    return new Decision(Action.RECORD_OR_GROW, false);
                }
                if (recordedThisRun || !staleness.isStale(entry)) {
                    return new Decision(Action.REPLAY, false);
                }
                return new Decision(Action.RECORD, true);
            default:
                return new Decision(recordedThisRun ? Action.REPLAY : Action.RECORD, false);
        }
    }

    /**
     * Whether a failed test's recordings are undone. In {@code rerecord} its entries go back to what they were before
     * the run, so a failing test never overwrites good entries; in {@code record} they stay, so the failure replays.
     */
    boolean undoesFailedTests() {
        return mode == RecordMode.RERECORD;
    }
}

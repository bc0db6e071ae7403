package dev.llmock.cassette;

import dev.llmock.LlmockException;

/**
 * A run recorded cassette entries while {@link CassetteSettings#FAIL_ON_RECORD} was on (by default on a CI server).
 * The entries were written before this was thrown; the message lists them and says how to allow recording.
 *
 * @since 0.2.0
 */
public class UnexpectedRecordingException extends LlmockException {
    private static final long serialVersionUID = 1L;

    private final transient CassetteReport report;

    /**
     * A run that recorded while recording was to fail it.
     *
     * @param message lists what was recorded and says how to allow recording
     * @param report what the cassette did in this run
     */
    public UnexpectedRecordingException(String message, CassetteReport report) {
        super(message);
        this.report = report;
    }

    /**
     * {@return what the cassette did in this run, or null after the exception was deserialized}
     * {@link CassetteReport#recorded()} lists what was recorded.
     */
    public CassetteReport report() {
        return report;
    }
}

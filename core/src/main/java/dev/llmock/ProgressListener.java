package dev.llmock;

/**
 * Told how far a large request has come; the CLI's progress bar is one.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * {@code done} of {@code total} records are ready. Called from the generating thread.
     *
     * @param done records ready so far
     * @param total records asked for
     */
    void progress(int done, int total);
}

package dev.llmock.cassette;

import dev.llmock.cassette.internal.Messages;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of checking one cassette file, for {@code llmock cassettes verify}.
 *
 * @param path     the file
 * @param problems what is wrong, one sentence each; empty when the file is sound
 * @param stale    entries older than the {@code maxAge} checked against (0 when none was given)
 * @param stats    facts about the file, or null when it could not be read or was skipped
 * @param skipped  why the file was not checked (a name no cassette can have, such as {@code a..b.json}), or null
 * @since 0.1.0
 */
public record CassetteCheck(Path path, List<String> problems, int stale, CassetteStats stats, String skipped) {

    /**
     * Copies the problems, so the check stays immutable.
     *
     * @param path the file
     * @param problems what is wrong, one sentence each; empty when the file is sound
     * @param stale entries older than the {@code maxAge} checked against (0 when none was given)
     * @param stats facts about the file, or null when it could not be read or was skipped
     * @param skipped why the file was not checked (a name no cassette can have, such as {@code a..b.json}), or null
     */
    public CassetteCheck {
        problems = List.copyOf(problems);
    }

    /**
     * A file left unchecked, with the reason: a warning, not a failure.
     *
     * @param path the file
     * @param reason why it was not checked
     * @return the check, with no problems
     * @since 0.2.0
     */
    public static CassetteCheck skipped(Path path, String reason) {
        return new CassetteCheck(path, List.of(), 0, null, reason);
    }

    /**
     * {@return true when the file is readable and every entry is sound (stale entries are not problems), or it was
     * skipped}
     */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * {@return whether the file was left unchecked; {@link #skipped} says why}
     *
     * @since 0.2.0
     */
    public boolean wasSkipped() {
        return skipped != null;
    }

    /**
     * {@return {@code OK path (n entries)}, {@code SKIPPED path: why}, or {@code FAILED path} followed by the problems}
     */
    public String render() {
        return Messages.check(this);
    }
}

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
 * @param stats    facts about the file, or null when it could not be read
 * @since 0.1.0
 */
public record CassetteCheck(Path path, List<String> problems, int stale, CassetteStats stats) {

    public CassetteCheck {
        problems = List.copyOf(problems);
    }

    /** True when the file is readable and every entry is sound (stale entries are not problems). */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** {@code OK path (n entries)} or {@code FAILED path} followed by the problems. */
    public String render() {
        return Messages.check(this);
    }
}

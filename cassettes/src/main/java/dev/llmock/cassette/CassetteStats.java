package dev.llmock.cassette;

import dev.llmock.cassette.internal.Messages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Facts about a cassette file, for {@code llmock cassettes stats}.
 *
 * @param path      the file
 * @param entries   how many entries it holds
 * @param backends  entries per backend name, sorted by name
 * @param oldest    the earliest recording time, or null when empty
 * @param newest    the latest recording time, or null when empty
 * @param sizeBytes the file's size, 0 when it does not exist yet
 * @since 0.1.0
 */
public record CassetteStats(Path path, int entries, Map<String, Integer> backends, Instant oldest, Instant newest,
                            long sizeBytes) {

    /**
     * Copies the backends, sorted by name, so the facts stay immutable.
     *
     * @param path the file
     * @param entries how many entries it holds
     * @param backends entries per backend name, sorted by name
     * @param oldest the earliest recording time, or null when empty
     * @param newest the latest recording time, or null when empty
     * @param sizeBytes the file's size, 0 when it does not exist yet
     */
    public CassetteStats {
        backends = Collections.unmodifiableMap(new TreeMap<>(backends));
    }

    /**
     * {@return one line: {@code UserTest.json: 4 entries (synthetic 3, fast 1), 2024-01-01T00:00:00Z .. ..., 2.1 KB}}
     */
    public String render() {
        return Messages.stats(this);
    }
}

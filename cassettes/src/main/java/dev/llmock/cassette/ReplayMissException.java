package dev.llmock.cassette;

import dev.llmock.LlmockException;
import java.nio.file.Path;
import java.util.List;

/**
 * A request in {@link RecordMode#REPLAY} mode that the cassette does not hold. The message names the cassette file,
 * the test and request, the nearest recorded entry and the fields in which it differs, and how to record it.
 *
 * @since 0.1.0
 */
public class ReplayMissException extends LlmockException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String test;
    private final String key;
    private final String nearestKey;
    private final List<String> differences;

    public ReplayMissException(String message, Path path, String test, String key, String nearestKey,
                               List<String> differences) {
        super(message);
        this.path = path;
        this.test = test;
        this.key = key;
        this.nearestKey = nearestKey;
        this.differences = List.copyOf(differences);
    }

    /** The cassette file that was searched. */
    public Path path() {
        return path;
    }

    /** The label of the test that asked, or null. */
    public String test() {
        return test;
    }

    /** The key of the missing request. */
    public String key() {
        return key;
    }

    /** The key of the nearest recorded entry, or null when the cassette is empty. */
    public String nearestKey() {
        return nearestKey;
    }

    /** Where the nearest entry's request differs, e.g. {@code shape.address.zip}, {@code count}. */
    public List<String> differences() {
        return differences;
    }
}

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
    /** The label of the test that asked, or null. */
    private final String test;
    /** The key of the missing request. */
    private final String key;
    /** The key of the nearest recorded entry, or null. */
    private final String nearestKey;
    /** Where the nearest entry's request differs. */
    private final List<String> differences;

    /**
     * A request the cassette does not hold.
     *
     * @param message names the cassette, the test, the request, the nearest entry and how to record it
     * @param path the cassette file that was searched
     * @param test the label of the test that asked, or null
     * @param key the key of the missing request
     * @param nearestKey the key of the nearest recorded entry, or null when the cassette is empty
     * @param differences where the nearest entry's request differs
     */
    public ReplayMissException(String message, Path path, String test, String key, String nearestKey,
                               List<String> differences) {
        super(message);
        this.path = path;
        this.test = test;
        this.key = key;
        this.nearestKey = nearestKey;
        this.differences = List.copyOf(differences);
    }

    /** {@return the cassette file that was searched; null after the exception was deserialized} */
    public Path path() {
        return path;
    }

    /** {@return the label of the test that asked, or null} */
    public String test() {
        return test;
    }

    /** {@return the key of the missing request} */
    public String key() {
        return key;
    }

    /** {@return the key of the nearest recorded entry, or null when the cassette is empty} */
    public String nearestKey() {
        return nearestKey;
    }

    /** {@return where the nearest entry's request differs, e.g. {@code shape.address.zip}, {@code count}} */
    public List<String> differences() {
        return differences;
    }
}

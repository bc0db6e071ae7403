package dev.llmock.cassette;

import dev.llmock.LlmockException;
import java.nio.file.Path;

/**
 * A cassette file that cannot be read: not JSON, not a cassette, or unreadable. The file is left exactly as it is;
 * llmock never writes over a cassette it could not read.
 *
 * @since 0.1.0
 */
public class CorruptCassetteException extends LlmockException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    /** The 1-based line of the problem, or -1 when it has no position. */
    private final int line;
    /** The 1-based column of the problem, or -1 when it has no position. */
    private final int column;

    /**
     * A cassette file that cannot be read.
     *
     * @param message names the file, the position and how to fix it
     * @param path the file
     * @param line the 1-based line of the problem, or -1 when it has no position
     * @param column the 1-based column of the problem, or -1 when it has no position
     * @param cause the cause, or null
     */
    public CorruptCassetteException(String message, Path path, int line, int column, Throwable cause) {
        super(message, cause);
        this.path = path;
        this.line = line;
        this.column = column;
    }

    /** {@return the file that cannot be read; null after the exception was deserialized} */
    public Path path() {
        return path;
    }

    /** {@return the 1-based line of the problem, or -1 when it has no position} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column of the problem, or -1 when it has no position} */
    public int column() {
        return column;
    }
}

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
    private final int line;
    private final int column;

    public CorruptCassetteException(String message, Path path, int line, int column, Throwable cause) {
        super(message, cause);
        this.path = path;
        this.line = line;
        this.column = column;
    }

    public Path path() {
        return path;
    }

    /** The 1-based line of the problem, or -1 when it has no position. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, or -1 when it has no position. */
    public int column() {
        return column;
    }
}

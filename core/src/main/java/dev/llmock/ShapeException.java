package dev.llmock;

/**
 * A shape could not be read: malformed template, unsupported JSON Schema, or a Java type with no shape.
 * When the shape was text, {@link #line()} and {@link #column()} say where (1-based, 0 when unknown).
 *
 * @since 0.1.0
 */
public class ShapeException extends LlmockException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    public ShapeException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public ShapeException(String message) {
        this(message, 0, 0);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}

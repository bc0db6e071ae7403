package dev.llmock;

/**
 * A shape could not be read: malformed template, unsupported JSON Schema, or a Java type with no shape.
 * When the shape was text, {@link #line()} and {@link #column()} say where (1-based, 0 when unknown).
 *
 * @since 0.1.0
 */
public class ShapeException extends LlmockException {
    private static final long serialVersionUID = 1L;
    /** The 1-based line in the shape's text, or 0 when unknown. */
    private final int line;
    /** The 1-based column in the shape's text, or 0 when unknown. */
    private final int column;

    /**
     * A shape text that could not be read at a known position.
     *
     * @param message says what is wrong, where, and how to fix it
     * @param line the 1-based line, or 0 when unknown
     * @param column the 1-based column, or 0 when unknown
     */
    public ShapeException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /**
     * A shape that could not be read, at no particular position.
     *
     * @param message says what is wrong and how to fix it
     */
    public ShapeException(String message) {
        this(message, 0, 0);
    }

    /** {@return the 1-based line in the shape's text, or 0 when unknown} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column in the shape's text, or 0 when unknown} */
    public int column() {
        return column;
    }
}

package dev.llmock;

/**
 * One way in which a JSON value does not fit a shape or a rule.
 *
 * @param pointer the JSON Pointer of the offending value ({@code ""} is the whole document)
 * @param reason  what is wrong, in words a reader can act on
 * @since 0.1.0
 */
public record Violation(String pointer, String reason) {

    /** {@return the pointer as shown to people: {@code (root)} for the whole document} */
    public String where() {
        return pointer.isEmpty() ? "(root)" : pointer;
    }

    @Override
    public String toString() {
        return where() + ": " + reason;
    }
}

package dev.llmock.internal.synthetic;

/**
 * The generator found no value for one keyword of a JSON Schema: which keyword, where in the schema (JSON Pointer)
 * and where in the instance. Caught to try other choices; the last one is what llmock refuses with.
 */
final class Unsatisfied extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String keyword;
    private final String schemaPointer;
    private final String instancePointer;
    private final boolean final_;

    Unsatisfied(String keyword, String schemaPointer, String instancePointer, String why) {
        this(keyword, schemaPointer, instancePointer, why, false);
    }

    /** @param last true when trying other choices cannot help (the schema nests without end): no retry */
    Unsatisfied(String keyword, String schemaPointer, String instancePointer, String why, boolean last) {
        super(why, null, false, false);
        this.keyword = keyword;
        this.schemaPointer = schemaPointer;
        this.instancePointer = instancePointer;
        this.final_ = last;
    }

    boolean last() {
        return final_;
    }

    String keyword() {
        return keyword;
    }

    String schemaPointer() {
        return schemaPointer;
    }

    String instancePointer() {
        return instancePointer;
    }
}

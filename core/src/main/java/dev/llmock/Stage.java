package dev.llmock;

/**
 * One step of a multi-stage request after the first generation: enrich the record, or validate and repair it.
 *
 * @param role    what the stage does
 * @param backend the backend name that serves it
 * @param shape   the shape this stage produces (a widening of the request's shape), or null for the same shape
 * @param prompt  extra instructions for this stage, or null
 * @since 0.1.0
 */
public record Stage(Role role, String backend, Shape shape, String prompt) {

    /**
     * What a stage does with the output of the stage before it.
     *
     * @since 0.1.0
     */
    public enum Role {
        /** Produce the first version of the data. */
        GENERATE,
        /** Add detail and realism: the enricher's valid values win, earlier values fill what it left out. */
        ENRICH,
        /** Check the data and correct what is wrong. */
        VALIDATE
    }
}

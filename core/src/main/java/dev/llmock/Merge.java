package dev.llmock;

/**
 * How the outputs of a request's parallel {@linkplain FixtureRequest.Builder#part parts} become one record.
 *
 * <pre>{@code
 * // {"details": {...}, "pricing": {...}}
 * FixtureRequest.newBuilder().part("details", details, "fast").part("pricing", pricing, "quality").build();
 * // {"name": ..., "price": ...}: the parts' objects merged into one
 * FixtureRequest.newBuilder().part("details", details, "fast").part("pricing", pricing, "quality")
 *         .merge(Merge.DEEP).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Merge {
    /** Each part's output under its name: {@code {"details": {...}, "pricing": {...}}}. The default. */
    UNDER_KEYS,
    /** The parts' objects merged into one, recursively; two parts may not define the same non-object property. */
    DEEP
}

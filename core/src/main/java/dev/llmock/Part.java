package dev.llmock;

import java.util.Objects;

/**
 * One named part of a request whose parts are generated concurrently, each by its own backend, and then merged.
 *
 * @param name    the part's name; its key in the merged record under {@link Merge#UNDER_KEYS}
 * @param shape   what the part produces
 * @param backend the backend name that produces it (empty for the default, {@value FixtureRequest#AUTO} to route)
 * @since 0.1.0
 */
public record Part(String name, Shape shape, String backend) {
    /**
     * Checks the part; a null backend is the default backend.
     *
     * @param name the part's name; its key in the merged record under {@link Merge#UNDER_KEYS}
     * @param shape what the part produces
     * @param backend the backend name that produces it (empty for the default, {@value FixtureRequest#AUTO} to route)
     * @throws IllegalArgumentException when the name is blank
     */
    public Part {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A part needs a name, such as \"details\" or \"pricing\".");
        }
        Objects.requireNonNull(shape, "shape");
        backend = backend == null ? "" : backend;
    }
}

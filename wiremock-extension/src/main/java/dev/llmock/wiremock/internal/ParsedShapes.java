package dev.llmock.wiremock.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.llmock.Shape;
import dev.llmock.ShapeException;

/**
 * Shapes parsed once per distinct text: clients of the mock API send the same shape (in the query, a header or the
 * body) with every request, and parsing it is a large part of answering one. Shapes are immutable, so one parsed
 * shape serves every request that sends its text. Bounded by the length of the texts kept (a shape may come in a
 * body of up to a megabyte), so that clients sending ever new shapes cannot fill the heap; the ones least likely
 * to be used again go first. A text that does not parse is not kept, and fails again each time with its own message.
 */
final class ParsedShapes {
    /** How many characters of shape text stay parsed, in all: {@value}. */
    static final int KEPT_CHARS = 2_000_000;

    private final Cache<String, Shape> shapes;

    ParsedShapes() {
        this(KEPT_CHARS);
    }

    /** @param keptChars how many characters of shape text stay parsed, in all */
    ParsedShapes(int keptChars) {
        this.shapes = Caffeine.newBuilder().maximumWeight(keptChars)
                .weigher((String text, Shape shape) -> text.length()).build();
    }

    /**
     * The shape of {@code text}, parsed on its first use.
     *
     * @throws ShapeException when the text is not a shape
     */
    Shape of(String text) {
        Shape kept = shapes.getIfPresent(text);
        if (kept != null) {
            return kept;
        }
        Shape parsed = Shape.parse(text);
        shapes.put(text, parsed);
        return parsed;
    }

    /** How many texts are kept parsed now. */
    long size() {
        shapes.cleanUp();
        return shapes.estimatedSize();
    }
}

package dev.llmock.internal.shape;

/** A parsed shape with LLMockApi's {@code "$cache": N} directive (1 when absent). */
public record ParsedShape(ShapeNode root, int cacheVariants) {
}

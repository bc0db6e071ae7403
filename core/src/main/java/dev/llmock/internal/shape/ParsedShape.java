package dev.llmock.internal.shape;

/**
 * A parsed shape with LLMockApi's {@code "$cache": N} directive (1 when absent) and, for a JSON Schema, the compiled
 * schema (null for templates).
 */
public record ParsedShape(ShapeNode root, int cacheVariants, SchemaDocument schema) {
    public ParsedShape(ShapeNode root, int cacheVariants) {
        this(root, cacheVariants, null);
    }
}

package dev.llmock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.ParsedShape;
import dev.llmock.internal.shape.SchemaParser;
import dev.llmock.internal.shape.SchemaWriter;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeValidator;
import dev.llmock.internal.shape.TemplateParser;
import dev.llmock.internal.shape.TypeShapes;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What JSON to produce: parsed from LLMockApi's template syntax or JSON Schema, or derived from a Java type.
 *
 * <pre>{@code
 * Shape user = Shape.parse("{\"name\":\"string\",\"age\":0,\"status\":\"active|inactive\"}");
 * ObjectNode schema = user.toJsonSchema();            // draft 2020-12
 * List<Violation> problems = user.validate(json);     // every violation, by JSON Pointer
 * Shape fromType = Shape.of(User.class);               // records, beans, Bean Validation constraints
 * }</pre>
 *
 * Shapes are immutable values; equal shapes are {@link #equals equal}.
 *
 * @since 0.1.0
 */
public final class Shape {
    private final ShapeNode root;
    private final int cacheVariants;
    private volatile JsonNode keySchema;

    static {
        ShapeAccess.install(new ShapeAccess.Bridge() {
            @Override
            public ShapeNode node(Shape shape) {
                return shape.root;
            }

            @Override
            public Shape wrap(ShapeNode node, int cacheVariants) {
                return new Shape(node, cacheVariants);
            }
        });
    }

    private Shape(ShapeNode root, int cacheVariants) {
        this.root = Objects.requireNonNull(root, "root");
        this.cacheVariants = cacheVariants;
    }

    /**
     * Parses a template ({@code {"name":"string","age":0}}) or a JSON Schema (detected by {@code $schema},
     * {@code properties}, or a {@code type} naming a JSON type).
     *
     * @throws ShapeException naming the line and column and what was expected there
     */
    public static Shape parse(String text) {
        ParsedShape parsed = TemplateParser.parse(text);
        return new Shape(parsed.root(), parsed.cacheVariants());
    }

    /** Reads a JSON Schema document. */
    public static Shape fromJsonSchema(JsonNode schema) {
        ParsedShape parsed = SchemaParser.parse(schema);
        return new Shape(parsed.root(), parsed.cacheVariants());
    }

    /**
     * Derives the shape of a Java type as Jackson maps it: records, beans, enums, collections, arrays,
     * {@code Optional}, {@code Map<String, T>}, numbers, {@code UUID} and {@code java.time} values. Bean
     * Validation constraints ({@code @NotNull @Size @Min @Max @Email @Pattern @Past @Future}) become bounds.
     */
    public static Shape of(Type type) {
        return new Shape(TypeShapes.of(type), 1);
    }

    /** The schema as cassette keys hash it, computed once: shapes are immutable. */
    JsonNode keySchema() {
        JsonNode result = keySchema;
        if (result == null) {
            result = Json.MAPPER.valueToTree(Json.MAPPER.convertValue(toJsonSchema(), Object.class));
            keySchema = result;
        }
        return result.deepCopy();
    }

    /** The shape as JSON Schema draft 2020-12; objects list every property as required and allow no others. */
    public ObjectNode toJsonSchema() {
        return SchemaWriter.write(root);
    }

    /** Every way in which {@code json} does not fit, each with its JSON Pointer; empty when it fits. */
    public List<Violation> validate(JsonNode json) {
        return validate(json, Clock.systemUTC());
    }

    /** As {@link #validate(JsonNode)}, judging {@code @Past} and {@code @Future} against {@code clock}. */
    public List<Violation> validate(JsonNode json, Clock clock) {
        return ShapeValidator.validate(root, json, clock);
    }

    /** LLMockApi's {@code "$cache": N}: how many variants of a response to keep and serve in turn (1 when unset). */
    public int cacheVariants() {
        return cacheVariants;
    }

    /** Canonical text of this shape (its JSON Schema with sorted keys): equal shapes give equal text. */
    public String canonical() {
        ObjectNode schema = toJsonSchema();
        if (cacheVariants > 1) {
            schema.put("$cache", cacheVariants);
        }
        return Json.canonical(schema);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Shape shape && shape.root.equals(root) && shape.cacheVariants == cacheVariants;
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, cacheVariants);
    }

    @Override
    public String toString() {
        return Json.compact(toJsonSchema());
    }
}

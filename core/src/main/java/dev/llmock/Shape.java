package dev.llmock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.ParsedShape;
import dev.llmock.internal.shape.SchemaDocument;
import dev.llmock.internal.shape.SchemaParser;
import dev.llmock.internal.shape.SchemaWriter;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeValidator;
import dev.llmock.internal.shape.TemplateParser;
import dev.llmock.internal.shape.TypeShapes;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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
 * A JSON Schema shape is validated with the specification's semantics (draft 2020-12, or the draft its
 * {@code $schema} names); templates and Java types keep llmock's simpler rules. Shapes are immutable values; equal
 * shapes are {@link #equals equal}.
 *
 * @since 0.1.0
 */
public final class Shape {
    private final ShapeNode root;
    private final int cacheVariants;
    /** The user's JSON Schema, compiled; null for templates and Java types. */
    private final SchemaDocument schema;
    private final boolean assertFormats;
    /** The schema cassette keys hash, and its canonical text: computed once, never handed out uncopied. */
    private volatile KeySchema keySchema;

    /**
     * The schema cassette keys hash, its canonical text, and the SHA-256 states of the key texts up to the end of the
     * schema for the few texts that come before it (a request's backend, count and the like sort before "shape").
     */
    static final class KeySchema {
        /** Distinct texts before the schema kept per shape; past that each key hashes its whole text. */
        static final int MAX_PREFIXES = 32;
        private final JsonNode schema;
        private final String text;
        private final Map<String, MessageDigest> throughSchema = new ConcurrentHashMap<>();

        KeySchema(JsonNode schema, String text) {
            this.schema = schema;
            this.text = text;
        }

        JsonNode schema() {
            return schema;
        }

        String text() {
            return text;
        }

        /** A digest that has taken {@code before} and then this schema's text; the caller's to finish. */
        MessageDigest digestThrough(String before) {
            MessageDigest kept = throughSchema.get(before);
            if (kept == null) {
                MessageDigest fresh = RequestKey.newSha256();
                fresh.update(before.getBytes(StandardCharsets.UTF_8));
                fresh.update(text.getBytes(StandardCharsets.UTF_8));
                if (throughSchema.size() >= MAX_PREFIXES) {
                    return fresh;
                }
                kept = throughSchema.computeIfAbsent(before, b -> fresh);
            }
            try {
                return (MessageDigest) kept.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("This JVM's SHA-256 cannot be copied", e);
            }
        }
    }

    static {
        ShapeAccess.install(new ShapeAccess.Bridge() {
            @Override
            public ShapeNode node(Shape shape) {
                return shape.root;
            }

            @Override
            public SchemaDocument schema(Shape shape) {
                return shape.schema;
            }

            @Override
            public Shape wrap(ShapeNode node, int cacheVariants) {
                return new Shape(node, cacheVariants, null, false);
            }
        });
    }

    private Shape(ShapeNode root, int cacheVariants, SchemaDocument schema, boolean assertFormats) {
        this.root = Objects.requireNonNull(root, "root");
        this.cacheVariants = cacheVariants;
        this.schema = schema;
        this.assertFormats = assertFormats;
    }

    private Shape(ParsedShape parsed) {
        this(parsed.root(), parsed.cacheVariants(), parsed.schema(), false);
    }

    /**
     * Parses a template ({@code {"name":"string","age":0}}) or a JSON Schema (detected by {@code $schema},
     * {@code properties}, or a {@code type} naming a JSON type).
     *
     * @throws ShapeException naming the line and column and what was expected there
     * @param text the template or JSON Schema
     * @return the shape
     */
    public static Shape parse(String text) {
        return new Shape(TemplateParser.parse(text));
    }

    /**
     * Reads a JSON Schema document: draft 2020-12, or draft 4, 6, 7 or 2019-09 when its {@code $schema} names one.
     * References ({@code $ref}, {@code $dynamicRef}) resolve inside the document; nothing is fetched.
     *
     * @throws ShapeException when the schema cannot be read, saying why
     * @param schema the JSON Schema document
     * @return the shape
     */
    public static Shape fromJsonSchema(JsonNode schema) {
        return new Shape(SchemaParser.parse(Objects.requireNonNull(schema, "schema")));
    }

    /**
     * Derives the shape of a Java type as Jackson maps it: records, beans, enums, collections, arrays,
     * {@code Optional}, {@code Map<String, T>}, numbers, {@code UUID} and {@code java.time} values. Bean
     * Validation constraints ({@code @NotNull @Size @Min @Max @Email @Pattern @Past @Future}) become bounds.
     *
     * @param type the Java type of one record, such as {@code User.class} or a parameterized {@code List<User>}
     * @return the shape
     * @throws ShapeException when the type has no shape, naming the type and the property
     */
    public static Shape of(Type type) {
        return new Shape(TypeShapes.of(type), 1, null, false);
    }

    /**
     * This shape with {@code format} asserted when validating a JSON Schema: a string that is no {@code email},
     * {@code date-time}, {@code uuid} ... is then a violation. By default (draft 2019-09 and later) formats are
     * annotations only. Templates and Java types always check their formats.
     *
     * @return a shape that asserts formats; this shape when it is not a JSON Schema or already asserts them
     * @since 0.2.0
     */
    public Shape assertingFormats() {
        return schema == null || assertFormats ? this : new Shape(root, cacheVariants, schema, true);
    }

    /** The schema as cassette keys hash it (a copy), computed once: shapes are immutable. */
    JsonNode keySchema() {
        return sharedKeySchema().schema().deepCopy();
    }

    /**
     * The key schema itself and its canonical text, for {@link FixtureRequest#key()}, which writes the text in place of
     * the tree and never hands the tree out uncopied.
     */
    KeySchema sharedKeySchema() {
        KeySchema result = keySchema;
        if (result == null) {
            JsonNode schemaNode = Json.MAPPER.valueToTree(Json.MAPPER.convertValue(toJsonSchema(), Object.class));
            result = new KeySchema(schemaNode, Json.canonical(schemaNode));
            keySchema = result;
        }
        return result;
    }

    /**
     * The shape as JSON Schema. A JSON Schema shape gives its own schema (a boolean schema as {@code {}} or
     * {@code {"not":{}}}); templates and types give draft 2020-12 in which objects list every property as required
     * and allow no others.
     *
     * @return a new JSON Schema document
     */
    public ObjectNode toJsonSchema() {
        if (schema != null) {
            JsonNode document = schema.document();
            if (document.isObject()) {
                return (ObjectNode) document.deepCopy();
            }
            ObjectNode booleanSchema = Json.MAPPER.createObjectNode();
            if (!document.asBoolean()) {
                booleanSchema.putObject("not");
            }
            return booleanSchema;
        }
        return SchemaWriter.write(root);
    }

    /**
     * Every way in which {@code json} does not fit, each with its JSON Pointer; empty when it fits.
     *
     * @param json the data to check
     * @return the violations, in document order
     */
    public List<Violation> validate(JsonNode json) {
        return validate(json, Clock.systemUTC());
    }

    /**
     * As {@link #validate(JsonNode)}, judging {@code @Past} and {@code @Future} against {@code clock}.
     *
     * @param json the data to check
     * @param clock the clock that says what now is
     * @return the violations, in document order
     */
    public List<Violation> validate(JsonNode json, Clock clock) {
        if (schema != null) {
            return schema.validate(json, assertFormats, root, clock);
        }
        return ShapeValidator.validate(root, json, clock);
    }

    /**
     * {@return LLMockApi's {@code "$cache": N}: how many variants of a response to keep and serve in turn (1 when
     * unset)}
     */
    public int cacheVariants() {
        return cacheVariants;
    }

    /** {@return canonical text of this shape (its JSON Schema with sorted keys): equal shapes give equal text} */
    public String canonical() {
        ObjectNode schemaNode = toJsonSchema();
        if (cacheVariants > 1) {
            schemaNode.put("$cache", cacheVariants);
        }
        return Json.canonical(schemaNode);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Shape shape && shape.root.equals(root) && shape.cacheVariants == cacheVariants
                && Objects.equals(shape.schema, schema) && shape.assertFormats == assertFormats;
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, cacheVariants, schema, assertFormats);
    }

    @Override
    public String toString() {
        return Json.compact(toJsonSchema());
    }
}

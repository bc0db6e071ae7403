package dev.llmock.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import dev.llmock.ShapeException;
import dev.llmock.Violation;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A user's JSON Schema, compiled once by networknt's validator: draft 2020-12 unless {@code $schema} names draft 4,
 * 6, 7 or 2019-09. References resolve inside the document and to the bundled meta-schemas only; llmock never
 * fetches a schema over the network.
 */
public final class SchemaDocument {
    /** The base IRI of a document without {@code $id}; relative references resolve against it. */
    static final String BASE = "https://llmock.invalid/schema.json";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaCacheEnabled(false).schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .locale(Locale.ENGLISH)
                    .regularExpressionFactory(regex -> {
                        var compiled = EcmaRegex.compile(regex);
                        return text -> compiled.matcher(text).find();
                    })
                    .build()));

    private final JsonNode document;
    private final Schema schema;
    /** Whether llmock's own past/future keyword appears anywhere, so validation need not look for it otherwise. */
    private final boolean hasTimes;
    private final Map<String, Schema> subschemas = new ConcurrentHashMap<>();
    private volatile SchemaIndex index;

    private SchemaDocument(JsonNode document, Schema schema) {
        this.document = document;
        this.schema = schema;
        this.hasTimes = !document.findValues(SchemaParser.TIME_KEYWORD).isEmpty();
    }

    /**
     * Compiles {@code document}, resolving its references.
     *
     * @throws ShapeException naming the reference or keyword that cannot be read
     */
    public static SchemaDocument compile(JsonNode document) {
        if (!document.isObject() && !document.isBoolean()) {
            throw new ShapeException(Messages.notASchema(document));
        }
        JsonNode copy = document.deepCopy();
        try {
            Schema schema = REGISTRY.getSchema(SchemaLocation.of(BASE), copy);
            schema.initializeValidators();
            return new SchemaDocument(copy, schema);
        } catch (RuntimeException e) {
            ShapeException refused = refusal(e);
            throw refused != null ? refused : new ShapeException(Messages.unreadableSchema(reason(e)));
        }
    }

    /** A refusal of llmock's own (a pattern it will not run) that the validator wrapped while compiling. */
    private static ShapeException refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EcmaRegex.Refused refused) {
                return refused;
            }
        }
        return null;
    }

    /** What went wrong, without the validator's wrapping: a document it could not load names that document. */
    private static String reason(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException) {
            return "it refers to " + cause.getMessage() + ", which llmock does not fetch";
        }
        return String.valueOf(e.getMessage());
    }

    /** Where this document's resources, anchors and subschemas are, for following references. */
    public SchemaIndex index() {
        SchemaIndex result = index;
        if (result == null) {
            result = new SchemaIndex(document);
            index = result;
        }
        return result;
    }

    /** The schema as given; callers must not change it. */
    public JsonNode document() {
        return document;
    }

    /**
     * Every way in which {@code instance} does not fit, each with its JSON Pointer. Formats are annotations, as draft
     * 2019-09 and later say, unless {@code assertFormats}.
     */
    public List<Violation> validate(JsonNode instance, boolean assertFormats) {
        return violations(schema, instance, assertFormats);
    }

    /**
     * As {@link #validate(JsonNode, boolean)}, plus llmock's own {@code x-llmock-time} rule (past or future dates,
     * from {@code @Past}/{@code @Future}) judged against {@code clock} where {@code view} carries it.
     */
    public List<Violation> validate(JsonNode instance, boolean assertFormats, ShapeNode view, Clock clock) {
        List<Violation> times = hasTimes ? ShapeValidator.times(view, instance, clock) : List.of();
        List<Violation> violations = violations(schema, instance, assertFormats);
        if (times.isEmpty()) {
            return violations;
        }
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(times);
        return List.copyOf(all);
    }

    /**
     * Whether {@code instance} fits the subschema at {@code pointer} (a JSON Pointer into this document), judged in
     * that subschema's lexical scope.
     */
    public boolean fits(String pointer, JsonNode instance) {
        return problem(pointer, instance) == null;
    }

    /**
     * The first keyword of the subschema at {@code pointer} that {@code instance} breaks, or null when it fits or the
     * subschema cannot be judged on its own (the whole document is judged in the end anyway).
     */
    public Problem problem(String pointer, JsonNode instance) {
        Schema sub;
        try {
            sub = pointer.isEmpty() ? schema : subschemas.computeIfAbsent(pointer, this::subschema);
        } catch (RuntimeException e) {
            return null;
        }
        List<Error> errors = sub.validate(instance);
        if (errors.isEmpty()) {
            return null;
        }
        Error first = errors.get(0);
        String at = first.getSchemaLocation() == null || first.getSchemaLocation().getFragment() == null ? pointer
                : first.getSchemaLocation().getFragment().toString();
        return new Problem(first.getKeyword(), at, ViolationText.of(first));
    }

    /** A keyword an instance breaks: the keyword, its JSON Pointer in the schema, and the violation. */
    public record Problem(String keyword, String schemaPointer, Violation violation) {
    }

    private Schema subschema(String pointer) {
        NodePath path = new NodePath(PathType.JSON_POINTER);
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            JsonNode parent = document.at(path.toString().isEmpty() ? "" : path.toString());
            path = parent.isArray() && name.chars().allMatch(Character::isDigit) && !name.isEmpty()
                    ? path.append(Integer.parseInt(name)) : path.append(name);
        }
        Schema sub = schema.getSubSchema(path);
        sub.initializeValidators();
        return sub;
    }

    private static List<Violation> violations(Schema schema, JsonNode instance, boolean assertFormats) {
        List<Error> errors = schema.validate(instance, context -> context.executionConfig(config -> config
                .formatAssertionsEnabled(assertFormats ? Boolean.TRUE : null)));
        List<Violation> violations = new ArrayList<>(errors.size());
        for (Error error : errors) {
            violations.add(ViolationText.of(error));
        }
        return List.copyOf(violations);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SchemaDocument that && that.document.equals(document);
    }

    @Override
    public int hashCode() {
        return document.hashCode();
    }
}

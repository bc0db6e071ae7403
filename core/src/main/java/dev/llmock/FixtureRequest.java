package dev.llmock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import dev.llmock.internal.PartShapes;
import dev.llmock.internal.RequestJson;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to generate: a shape, how many records, which backends, extra instructions and rules, and a variant.
 *
 * <pre>{@code
 * FixtureRequest request = FixtureRequest.newBuilder()
 *         .shape("{\"name\":\"string\",\"email\":\"email\"}")
 *         .count(10)
 *         .backend("fast").enrich("quality")
 *         .rule("every email is at example.com")
 *         .build();
 * }</pre>
 *
 * A request is an immutable value. Its {@link #key()} hashes the logical request (shape, count, backends, stages,
 * prompt, rules, variant, context), never HTTP bytes, so better prompts in a new llmock version replay old cassettes.
 *
 * @since 0.1.0
 */
// Longer than 350 lines because each of the request's 17 properties has a documented accessor and builder method.
public final class FixtureRequest {
    /** The backend name that routes by complexity: {@value}. */
    public static final String AUTO = "auto";

    private final Shape shape;
    private final int count;
    private final String backend;
    private final List<Stage> stages;
    private final String prompt;
    private final List<String> rules;
    private final List<Rule> checks;
    private final int variant;
    private final int maxAttempts;
    private final JsonNode context;
    private final String label;
    private final List<Part> parts;
    private final Merge merge;
    private final List<String> consensus;
    private final Type targetType;
    private final String corrector;
    private final String finalBackend;
    private volatile RequestKey key;

    private FixtureRequest(Builder builder) {
        this.shape = builder.shape;
        this.count = builder.count;
        this.backend = builder.backend == null ? "" : builder.backend;
        this.stages = List.copyOf(builder.stages);
        this.prompt = builder.prompt;
        this.rules = List.copyOf(builder.rules);
        this.checks = List.copyOf(builder.checks);
        this.variant = builder.variant;
        this.maxAttempts = builder.maxAttempts;
        this.context = builder.context == null ? null : builder.context.deepCopy();
        this.label = builder.label;
        this.parts = List.copyOf(builder.parts);
        this.merge = builder.merge == null ? Merge.UNDER_KEYS : builder.merge;
        this.consensus = List.copyOf(builder.consensus);
        this.targetType = builder.targetType;
        this.corrector = builder.corrector;
        this.finalBackend = builder.finalBackend;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this request's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        // With parts the shape is derived from them in build(); copying it would read as a second shape.
        builder.shape = parts.isEmpty() ? shape : null;
        builder.count = count;
        builder.backend = backend;
        builder.stages.addAll(stages);
        builder.prompt = prompt;
        builder.rules.addAll(rules);
        builder.checks.addAll(checks);
        builder.variant = variant;
        builder.maxAttempts = maxAttempts;
        builder.context = context;
        builder.label = label;
        builder.parts.addAll(parts);
        builder.merge = parts.isEmpty() ? null : merge;
        builder.consensus.addAll(consensus);
        builder.targetType = targetType;
        builder.corrector = corrector;
        builder.finalBackend = finalBackend;
        return builder;
    }

    public Shape shape() {
        return shape;
    }

    /** How many records; 1 gives one JSON value, more give a JSON array of exactly that many. */
    public int count() {
        return count;
    }

    /** The backend name of the first stage; empty for the configured default, {@value #AUTO} to route. */
    public String backend() {
        return backend;
    }

    /** The stages after the first generation (enrich, validate), in order. */
    public List<Stage> stages() {
        return stages;
    }

    public String prompt() {
        return prompt;
    }

    /** Rules in words, for LLM backends and validator stages; checks in code are in {@link #checks()}. */
    public List<String> rules() {
        return rules;
    }

    public List<Rule> checks() {
        return checks;
    }

    public int variant() {
        return variant;
    }

    /** Attempts at valid output per stage (first try plus repairs). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Facts the data must agree with (e.g. the HTTP request a mock answers), or null. */
    public JsonNode context() {
        return context == null ? null : context.deepCopy();
    }

    /** Who asked, for messages (e.g. {@code UserTest.signsUp(User)}); not part of the key. */
    public String label() {
        return label;
    }

    /** The parts generated concurrently and merged into each record; empty for an ordinary request. */
    public List<Part> parts() {
        return parts;
    }

    /** How {@link #parts()} are merged; {@link Merge#UNDER_KEYS} by default. */
    public Merge merge() {
        return merge;
    }

    /** The backends that each answer the first stage, the best answer winning; empty for no consensus. */
    public List<String> consensus() {
        return consensus;
    }

    /** The Java type of one record, whose Bean Validation constraints are checked when a provider is present. */
    public Type targetType() {
        return targetType;
    }

    /** The backend that corrects violations, or null for the backend that produced the data. */
    public String corrector() {
        return corrector;
    }

    /** The backend given one last try when {@link #maxAttempts()} are used up, or null for none. */
    public String finalBackend() {
        return finalBackend;
    }

    /** The identity of this logical request: its canonical JSON and its SHA-256, computed once. */
    public RequestKey key() {
        RequestKey result = key;
        if (result == null) {
            Shape.KeySchema schema = shape.sharedKeySchema();
            ObjectNode json = RequestJson.of(this, schema.schema());
            result = RequestKey.ofShared(json, Json.canonical(json, schema.schema(), schema.text()));
            key = result;
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FixtureRequest request && request.key().equals(key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    @Override
    public String toString() {
        return "FixtureRequest" + key().canonical();
    }

    /**
     * Builds a {@link FixtureRequest}; {@link #build()} checks the combination.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Shape shape;
        private int count = 1;
        private String backend = "";
        private final List<Stage> stages = new ArrayList<>();
        private String prompt;
        private final List<String> rules = new ArrayList<>();
        private final List<Rule> checks = new ArrayList<>();
        private int variant;
        private int maxAttempts = 3;
        private JsonNode context;
        private String label;
        private final List<Part> parts = new ArrayList<>();
        private Merge merge;
        private final List<String> consensus = new ArrayList<>();
        private Type targetType;
        private String corrector;
        private String finalBackend;

        private Builder() {
        }

        public Builder shape(Shape value) {
            this.shape = Objects.requireNonNull(value, "shape");
            return this;
        }

        /** A template or JSON Schema; see {@link Shape#parse(String)}. */
        public Builder shape(String text) {
            return shape(Shape.parse(text));
        }

        /** The shape of a Java type; see {@link Shape#of(Type)}. */
        public Builder shapeOf(Type type) {
            return shape(Shape.of(type));
        }

        public Builder count(int value) {
            this.count = value;
            return this;
        }

        /** The backend name of the first stage: empty for the default, {@value FixtureRequest#AUTO} to route. */
        public Builder backend(String name) {
            this.backend = name == null ? "" : name;
            return this;
        }

        /** Adds an enrichment stage on {@code backendName}, keeping the shape. */
        public Builder enrich(String backendName) {
            return stage(new Stage(Stage.Role.ENRICH, backendName, null, null));
        }

        /** Adds an enrichment stage that widens the data to {@code widerShape}. */
        public Builder enrich(String backendName, Shape widerShape) {
            return stage(new Stage(Stage.Role.ENRICH, backendName, widerShape, null));
        }

        /** Adds a validate-and-repair stage on {@code backendName}. */
        public Builder validate(String backendName) {
            return stage(new Stage(Stage.Role.VALIDATE, backendName, null, null));
        }

        public Builder stage(Stage stage) {
            Objects.requireNonNull(stage, "stage");
            if (stage.role() == Stage.Role.GENERATE) {
                throw new IllegalArgumentException("The first stage is the request's own backend(...);"
                        + " later stages ENRICH or VALIDATE.");
            }
            stages.add(stage);
            return this;
        }

        public Builder prompt(String text) {
            this.prompt = text == null || text.isBlank() ? null : text;
            return this;
        }

        /** A rule in words ("dates are in the past"), given to LLM backends and validator stages. */
        public Builder rule(String words) {
            if (words != null && !words.isBlank()) {
                rules.add(words);
            }
            return this;
        }

        /** A rule checked in code on every record. */
        public Builder rule(Rule check) {
            checks.add(Objects.requireNonNull(check, "rule"));
            return this;
        }

        public Builder variant(int value) {
            this.variant = value;
            return this;
        }

        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        public Builder context(JsonNode value) {
            this.context = value;
            return this;
        }

        public Builder label(String value) {
            this.label = value;
            return this;
        }

        /**
         * Adds a part generated concurrently with the others on {@code backendName}; the request's shape is the
         * parts' merge (see {@link #merge(Merge)}), so a request with parts has no {@link #shape(Shape)} of its own.
         */
        public Builder part(String name, Shape partShape, String backendName) {
            Part part = new Part(name, partShape, backendName);
            if (parts.stream().anyMatch(p -> p.name().equals(part.name()))) {
                throw new IllegalArgumentException("The part \"" + name + "\" was already added; part names are unique.");
            }
            parts.add(part);
            return this;
        }

        /** As {@link #part(String, Shape, String)} with the shape as template or JSON Schema text. */
        public Builder part(String name, String partShape, String backendName) {
            return part(name, Shape.parse(partShape), backendName);
        }

        /** How parts merge; {@link Merge#UNDER_KEYS} by default. */
        public Builder merge(Merge value) {
            this.merge = Objects.requireNonNull(value, "merge");
            return this;
        }

        /** Sends the first stage to each of these backends; the valid answer closest to the others wins. */
        public Builder consensus(String... backendNames) {
            consensus.clear();
            for (String name : backendNames) {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("consensus(...) needs backend names, but one is blank.");
                }
                consensus.add(name);
            }
            return this;
        }

        /** The Java type of one record: its Bean Validation constraints are checked when a provider is present. */
        public Builder targetType(Type type) {
            this.targetType = type;
            return this;
        }

        /** The backend that corrects violations (default: the backend that produced the data). */
        public Builder corrector(String backendName) {
            this.corrector = backendName == null || backendName.isBlank() ? null : backendName;
            return this;
        }

        /** A backend given one last try at correcting when {@code maxAttempts} are used up. */
        public Builder finalBackend(String backendName) {
            this.finalBackend = backendName == null || backendName.isBlank() ? null : backendName;
            return this;
        }

        public FixtureRequest build() {
            if (!parts.isEmpty()) {
                if (shape != null) {
                    throw new IllegalStateException("A request with parts takes its shape from the parts;"
                            + " leave shape(...) out, or drop the parts.");
                }
                if (!consensus.isEmpty()) {
                    throw new IllegalStateException("consensus(...) and part(...) cannot be combined: give each part"
                            + " one backend, or ask several backends for the whole record.");
                }
                shape = PartShapes.merge(parts, merge == null ? Merge.UNDER_KEYS : merge);
            } else if (merge != null) {
                throw new IllegalStateException("merge(...) applies to parts, but the request has none; add part(...).");
            }
            if (!consensus.isEmpty() && consensus.size() < 2) {
                throw new IllegalArgumentException("consensus(...) needs at least two backends, but got " + consensus
                        + ".");
            }
            if (!consensus.isEmpty() && !backend.isEmpty()) {
                throw new IllegalStateException("consensus(...) names the backends of the first stage; leave"
                        + " backend(\"" + backend + "\") out.");
            }
            if (shape == null) {
                throw new IllegalStateException("A FixtureRequest needs a shape: call shape(...) or shapeOf(...).");
            }
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1, but was " + count + ".");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, but was " + maxAttempts + ".");
            }
            if (variant < 0) {
                throw new IllegalArgumentException("variant must be 0 or more, but was " + variant + ".");
            }
            for (Stage stage : stages) {
                if (stage.backend() == null || stage.backend().isBlank()) {
                    throw new IllegalArgumentException("The " + stage.role().name().toLowerCase(Locale.ROOT)
                            + " stage needs a backend name.");
                }
            }
            FixtureRequest request = new FixtureRequest(this);
            if (!parts.isEmpty()) {
                shape = null; // so this builder can take more parts and build again
            }
            return request;
        }
    }
}

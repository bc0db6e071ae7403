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

    /**
     * A new builder; {@link Builder#build()} checks the combination of its values.
     *
     * @return a new, empty builder
     * @since 0.2.0
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * A builder holding this request's values, to derive a changed copy.
     *
     * @return a new builder with this request's values
     */
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

    /** {@return the shape of one record} */
    public Shape shape() {
        return shape;
    }

    /** {@return how many records; 1 gives one JSON value, more give a JSON array of exactly that many} */
    public int count() {
        return count;
    }

    /** {@return the backend name of the first stage; empty for the configured default, {@value #AUTO} to route} */
    public String backend() {
        return backend;
    }

    /** {@return the stages after the first generation (enrich, validate), in order} */
    public List<Stage> stages() {
        return stages;
    }

    /** {@return extra instructions for LLM backends, or null for none} */
    public String prompt() {
        return prompt;
    }

    /** {@return rules in words, for LLM backends and validator stages; checks in code are in {@link #checks()}} */
    public List<String> rules() {
        return rules;
    }

    /** {@return the rules checked in code on every record; rules in words are in {@link #rules()}} */
    public List<Rule> checks() {
        return checks;
    }

    /** {@return which variant of the same request this is; each variant is generated and recorded separately} */
    public int variant() {
        return variant;
    }

    /** {@return the attempts at valid output per stage (first try plus repairs)} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@return a copy of the facts the data must agree with (for example the HTTP request a mock answers), or null} */
    public JsonNode context() {
        return context == null ? null : context.deepCopy();
    }

    /** {@return who asked, for messages (for example {@code UserTest.signsUp(User)}); not part of the key} */
    public String label() {
        return label;
    }

    /** {@return the parts generated concurrently and merged into each record; empty for an ordinary request} */
    public List<Part> parts() {
        return parts;
    }

    /** {@return how {@link #parts()} are merged; {@link Merge#UNDER_KEYS} by default} */
    public Merge merge() {
        return merge;
    }

    /** {@return the backends that each answer the first stage, the best answer winning; empty for no consensus} */
    public List<String> consensus() {
        return consensus;
    }

    /**
     * {@return the Java type of one record, whose Bean Validation constraints are checked when a provider is present}
     */
    public Type targetType() {
        return targetType;
    }

    /** {@return the backend that corrects violations, or null for the backend that produced the data} */
    public String corrector() {
        return corrector;
    }

    /** {@return the backend given one last try when {@link #maxAttempts()} are used up, or null for none} */
    public String finalBackend() {
        return finalBackend;
    }

    /**
     * {@return the identity of this logical request: its canonical JSON and its SHA-256, computed once}
     *
     * @since 0.2.0
     */
    public RequestKey key() {
        RequestKey result = key;
        if (result == null) {
            Shape.KeySchema schema = shape.sharedKeySchema();
            ObjectNode json = RequestJson.of(this, schema.schema());
            result = RequestKey.ofShared(json, Json.canonicalAround(json, schema.schema()), schema);
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

        /**
         * Sets the shape of one record.
         *
         * @param value the shape
         * @return this builder
         */
        public Builder shape(Shape value) {
            this.shape = Objects.requireNonNull(value, "shape");
            return this;
        }

        /**
         * A template or JSON Schema; see {@link Shape#parse(String)}.
         *
         * @param text the template or JSON Schema
         * @return this builder
         */
        public Builder shape(String text) {
            return shape(Shape.parse(text));
        }

        /**
         * The shape of a Java type; see {@link Shape#of(Type)}.
         *
         * @param type the Java type of one record
         * @return this builder
         */
        public Builder shapeOf(Type type) {
            return shape(Shape.of(type));
        }

        /**
         * Sets how many records to generate (1 by default); more than 1 gives a JSON array of exactly that many.
         *
         * @param value the number of records, at least 1
         * @return this builder
         */
        public Builder count(int value) {
            this.count = value;
            return this;
        }

        /**
         * The backend name of the first stage: empty for the default, {@value FixtureRequest#AUTO} to route.
         *
         * @param name the backend name, or null for the default
         * @return this builder
         */
        public Builder backend(String name) {
            this.backend = name == null ? "" : name;
            return this;
        }

        /**
         * Adds an enrichment stage on {@code backendName}, keeping the shape.
         *
         * @param backendName the backend that enriches
         * @return this builder
         */
        public Builder enrich(String backendName) {
            return stage(new Stage(Stage.Role.ENRICH, backendName, null, null));
        }

        /**
         * Adds an enrichment stage that widens the data to {@code widerShape}.
         *
         * @param backendName the backend that enriches
         * @param widerShape the shape of the enriched records
         * @return this builder
         */
        public Builder enrich(String backendName, Shape widerShape) {
            return stage(new Stage(Stage.Role.ENRICH, backendName, widerShape, null));
        }

        /**
         * Adds a validate-and-repair stage on {@code backendName}.
         *
         * @param backendName the backend that validates and repairs
         * @return this builder
         */
        public Builder validate(String backendName) {
            return stage(new Stage(Stage.Role.VALIDATE, backendName, null, null));
        }

        /**
         * Adds a stage after the first generation; the first stage is the request's own {@link #backend(String)}.
         *
         * @param stage an enrich or validate stage
         * @return this builder
         * @throws IllegalArgumentException if the stage's role is {@link Stage.Role#GENERATE}
         */
        public Builder stage(Stage stage) {
            Objects.requireNonNull(stage, "stage");
            if (stage.role() == Stage.Role.GENERATE) {
                throw new IllegalArgumentException("The first stage is the request's own backend(...);"
                        + " later stages ENRICH or VALIDATE.");
            }
            stages.add(stage);
            return this;
        }

        /**
         * Sets extra instructions for LLM backends, added to llmock's own prompt.
         *
         * @param text the instructions, or null or blank for none
         * @return this builder
         */
        public Builder prompt(String text) {
            this.prompt = text == null || text.isBlank() ? null : text;
            return this;
        }

        /**
         * A rule in words ("dates are in the past"), given to LLM backends and validator stages.
         *
         * @param words the rule, ignored when null or blank
         * @return this builder
         */
        public Builder rule(String words) {
            if (words != null && !words.isBlank()) {
                rules.add(words);
            }
            return this;
        }

        /**
         * A rule checked in code on every record.
         *
         * @param check the rule
         * @return this builder
         */
        public Builder rule(Rule check) {
            checks.add(Objects.requireNonNull(check, "rule"));
            return this;
        }

        /**
         * Sets the variant (0 by default): the same request with another variant gives other data, recorded separately.
         *
         * @param value the variant, 0 or more
         * @return this builder
         */
        public Builder variant(int value) {
            this.variant = value;
            return this;
        }

        /**
         * Sets the attempts at valid output per stage (3 by default: the first try plus two repairs).
         *
         * @param value the attempts, at least 1
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        /**
         * Sets the facts the data must agree with (for example the HTTP request a mock answers); part of the key.
         *
         * @param value the facts, or null for none
         * @return this builder
         */
        public Builder context(JsonNode value) {
            this.context = value;
            return this;
        }

        /**
         * Sets who asks, for messages (for example {@code UserTest.signsUp(User)}); not part of the key.
         *
         * @param value the label, or null
         * @return this builder
         */
        public Builder label(String value) {
            this.label = value;
            return this;
        }

        /**
         * Adds a part generated concurrently with the others on {@code backendName}; the request's shape is the
         * parts' merge (see {@link #merge(Merge)}), so a request with parts has no {@link #shape(Shape)} of its own.
         *
         * @param name the part's name, unique in the request
         * @param partShape the shape of the part
         * @param backendName the backend that generates the part
         * @return this builder
         * @throws IllegalArgumentException if a part of that name was already added
         */
        public Builder part(String name, Shape partShape, String backendName) {
            Part part = new Part(name, partShape, backendName);
            if (parts.stream().anyMatch(p -> p.name().equals(part.name()))) {
                throw new IllegalArgumentException("The part \"" + name + "\" was already added; part names are unique.");
            }
            parts.add(part);
            return this;
        }

        /**
         * As {@link #part(String, Shape, String)} with the shape as template or JSON Schema text.
         *
         * @param name the part's name, unique in the request
         * @param partShape the part's template or JSON Schema
         * @param backendName the backend that generates the part
         * @return this builder
         */
        public Builder part(String name, String partShape, String backendName) {
            return part(name, Shape.parse(partShape), backendName);
        }

        /**
         * How parts merge; {@link Merge#UNDER_KEYS} by default.
         *
         * @param value how parts merge
         * @return this builder
         */
        public Builder merge(Merge value) {
            this.merge = Objects.requireNonNull(value, "merge");
            return this;
        }

        /**
         * Sends the first stage to each of these backends; the valid answer closest to the others wins.
         *
         * @param backendNames at least two backend names
         * @return this builder
         * @throws IllegalArgumentException if a name is blank
         */
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

        /**
         * The Java type of one record: its Bean Validation constraints are checked when a provider is present.
         *
         * @param type the record's Java type, or null
         * @return this builder
         */
        public Builder targetType(Type type) {
            this.targetType = type;
            return this;
        }

        /**
         * The backend that corrects violations (default: the backend that produced the data).
         *
         * @param backendName the correcting backend, or null or blank for the default
         * @return this builder
         */
        public Builder corrector(String backendName) {
            this.corrector = backendName == null || backendName.isBlank() ? null : backendName;
            return this;
        }

        /**
         * A backend given one last try at correcting when {@code maxAttempts} are used up.
         *
         * @param backendName the backend, or null or blank for none
         * @return this builder
         */
        public Builder finalBackend(String backendName) {
            this.finalBackend = backendName == null || backendName.isBlank() ? null : backendName;
            return this;
        }

        /**
         * Builds the request, checking that its values fit together.
         *
         * @return the immutable request
         * @throws IllegalStateException if the shape is missing, or parts, merge, consensus and backend are combined
         *     wrongly
         * @throws IllegalArgumentException if count, maxAttempts or variant is out of range
         */
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

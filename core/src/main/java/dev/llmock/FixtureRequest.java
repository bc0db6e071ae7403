package dev.llmock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What to generate: a shape, how many records, which backends, extra instructions and rules, and a variant.
 *
 * <pre>{@code
 * FixtureRequest request = FixtureRequest.builder()
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
    private volatile String key;

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
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.shape = shape;
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

    /** The logical request as canonical JSON: what cassettes store and keys hash. */
    public ObjectNode toKeyJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.set("shape", Json.MAPPER.valueToTree(Json.MAPPER.convertValue(shape.toJsonSchema(), Object.class)));
        if (shape.cacheVariants() > 1) {
            json.put("cacheVariants", shape.cacheVariants());
        }
        json.put("count", count);
        json.put("backend", backend);
        if (!stages.isEmpty()) {
            ArrayNode array = json.putArray("stages");
            for (Stage stage : stages) {
                ObjectNode each = array.addObject();
                each.put("role", stage.role().name().toLowerCase(java.util.Locale.ROOT));
                each.put("backend", stage.backend());
                if (stage.shape() != null) {
                    each.set("shape", stage.shape().toJsonSchema());
                }
                if (stage.prompt() != null) {
                    each.put("prompt", stage.prompt());
                }
            }
        }
        if (prompt != null) {
            json.put("prompt", prompt);
        }
        List<String> allRules = new ArrayList<>(rules);
        checks.forEach(check -> allRules.add(check.description()));
        if (!allRules.isEmpty()) {
            ArrayNode array = json.putArray("rules");
            allRules.forEach(array::add);
        }
        json.put("variant", variant);
        if (context != null) {
            json.set("context", context.deepCopy());
        }
        return json;
    }

    /** SHA-256 of the canonical logical request, hex; stable across JVMs and llmock versions. */
    public String key() {
        String result = key;
        if (result == null) {
            result = sha256(Json.canonical(toKeyJson()));
            key = result;
        }
        return result;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
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
        return "FixtureRequest" + Json.compact(toKeyJson());
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

        public FixtureRequest build() {
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
                    throw new IllegalArgumentException("The " + stage.role().name().toLowerCase(java.util.Locale.ROOT)
                            + " stage needs a backend name.");
                }
            }
            return new FixtureRequest(this);
        }
    }
}

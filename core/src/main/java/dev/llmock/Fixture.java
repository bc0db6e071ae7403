package dev.llmock;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.internal.FixtureAccess;
import dev.llmock.internal.Json;
import dev.llmock.internal.mapping.TypeMapping;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Generated data with its provenance.
 *
 * <pre>{@code
 * Fixture fixture = llmock.generate(request);
 * User user = fixture.as(User.class);
 * List<User> users = fixture.as(new TypeReference<List<User>>() {});
 * }</pre>
 *
 * {@code as(...)} maps with the engine's {@link ObjectMapper} ({@link Llmock.Builder#objectMapper}); by default one
 * with every Jackson module on the class path ({@code jackson-module-kotlin} for Kotlin data classes, parameter names
 * for immutable classes compiled with {@code -parameters}, java.time).
 *
 * @since 0.1.0
 */
public final class Fixture {
    private final JsonNode json;
    private final Provenance provenance;
    private final ObjectMapper mapper;

    static {
        FixtureAccess.install(new FixtureAccess.Bridge() {
            @Override
            public Fixture owning(JsonNode json, Provenance provenance) {
                return new Fixture(json, provenance, null);
            }

            @Override
            public JsonNode tree(Fixture fixture) {
                return fixture.json;
            }
        });
    }

    /**
     * Data with its provenance, mapped by the default mapper.
     *
     * @param json the data, copied
     * @param provenance where it came from
     */
    public Fixture(JsonNode json, Provenance provenance) {
        this(Objects.requireNonNull(json, "json").deepCopy(), provenance, null);
    }

    /** Takes {@code json} as it is: a copy already, or (through {@link FixtureAccess}) a tree no one else holds. */
    private Fixture(JsonNode json, Provenance provenance, ObjectMapper mapper) {
        this.json = json;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.mapper = mapper;
    }

    /** {@return the data; a copy, so callers may change it freely} */
    public JsonNode json() {
        return json.deepCopy();
    }

    /**
     * {@return where the data came from: backend, model, attempts, tokens, and whether it was generated or replayed}
     */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * {@return this fixture with another provenance}
     *
     * @param newProvenance the provenance
     */
    public Fixture withProvenance(Provenance newProvenance) {
        return new Fixture(json, newProvenance, mapper);
    }

    /**
     * This fixture, mapped onto types by {@code objectMapper} (its naming strategy, modules and features).
     *
     * @param objectMapper the mapper
     * @return a fixture with the same data and provenance
     * @since 0.2.0
     */
    public Fixture withMapper(ObjectMapper objectMapper) {
        return new Fixture(json, provenance, Objects.requireNonNull(objectMapper, "objectMapper"));
    }

    /**
     * The data mapped by Jackson onto {@code type}.
     *
     * @param <T> the type
     * @param type the class to map onto
     * @return a new instance
     * @throws LlmockException when Jackson cannot map the data, naming the type and, where a creator is missing,
     *     {@code jackson-module-kotlin} or {@code -parameters}
     */
    public <T> T as(Class<T> type) {
        return as(Json.MAPPER.constructType(type));
    }

    /**
     * The data mapped by Jackson onto a generic type, e.g. {@code new TypeReference<List<User>>() {}}.
     *
     * @param <T> the type
     * @param type the type to map onto
     * @return a new instance
     * @throws LlmockException when Jackson cannot map the data, naming the type
     */
    public <T> T as(TypeReference<T> type) {
        return as(Json.MAPPER.getTypeFactory().constructType(type));
    }

    /**
     * The data mapped onto a generic type, e.g. a test parameter's {@code List<User>}.
     *
     * @param <T> the type
     * @param type the type to map onto
     * @return a new instance
     * @throws LlmockException when Jackson cannot map the data, naming the type
     */
    public <T> T as(Type type) {
        return as(Json.MAPPER.constructType(type));
    }

    private <T> T as(JavaType type) {
        return TypeMapping.convert(mapper == null ? TypeMapping.defaultMapper() : mapper, json, type);
    }

    @Override
    public String toString() {
        return Json.compact(json);
    }
}

package dev.llmock;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.Json;
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
 * @since 0.1.0
 */
public final class Fixture {
    private final JsonNode json;
    private final Provenance provenance;

    public Fixture(JsonNode json, Provenance provenance) {
        this.json = Objects.requireNonNull(json, "json").deepCopy();
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    /** The data; a copy, so callers may change it freely. */
    public JsonNode json() {
        return json.deepCopy();
    }

    public Provenance provenance() {
        return provenance;
    }

    public Fixture withProvenance(Provenance newProvenance) {
        return new Fixture(json, newProvenance);
    }

    /** The data mapped by Jackson onto {@code type}. */
    public <T> T as(Class<T> type) {
        return as(Json.MAPPER.constructType(type));
    }

    public <T> T as(TypeReference<T> type) {
        return as(Json.MAPPER.getTypeFactory().constructType(type));
    }

    /** The data mapped onto a generic type, e.g. a test parameter's {@code List<User>}. */
    public <T> T as(Type type) {
        return as(Json.MAPPER.constructType(type));
    }

    private <T> T as(JavaType type) {
        try {
            return Json.MAPPER.convertValue(json, type);
        } catch (IllegalArgumentException e) {
            throw new LlmockException("The generated data does not map onto " + type.toCanonical() + ": "
                    + e.getMessage().lines().findFirst().orElse("") + ". Check that the shape matches the type"
                    + " (or leave the shape out, so llmock derives it from the type).", e);
        }
    }

    @Override
    public String toString() {
        return Json.compact(json);
    }
}

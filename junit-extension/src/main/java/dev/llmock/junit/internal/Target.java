package dev.llmock.junit.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.Fixture;
import dev.llmock.Provenance;
import dev.llmock.internal.Json;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Java type a fixture is injected into: one record, or a container ({@code List}, {@code Set}, array,
 * {@code Stream}) of records. For containers the shape describes one element.
 */
record Target(Type declared, JavaType element, Container container) {

    enum Container { NONE, LIST, SET, ARRAY, STREAM }

    static Target of(Type type) {
        JavaType javaType = Json.MAPPER.constructType(type);
        Class<?> raw = javaType.getRawClass();
        if (Stream.class.isAssignableFrom(raw)) {
            return new Target(type, javaType.containedTypeOrUnknown(0), Container.STREAM);
        }
        if (raw.isArray()) {
            return new Target(type, javaType.getContentType(), Container.ARRAY);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Container kind = Set.class.isAssignableFrom(raw) ? Container.SET : Container.LIST;
            return new Target(type, javaType.getContentType(), kind);
        }
        return new Target(type, javaType, Container.NONE);
    }

    /** Whether the element is free-form JSON ({@code JsonNode}, {@code String}, {@code Map}) rather than a typed record. */
    boolean elementIsJson() {
        Class<?> raw = element.getRawClass();
        return JsonNode.class.isAssignableFrom(raw) || raw == String.class || Map.class.isAssignableFrom(raw)
                || raw == Object.class;
    }

    String elementName() {
        return element.getRawClass().getSimpleName();
    }

    String declaredName() {
        return simpleName(Json.MAPPER.constructType(declared));
    }

    private static String simpleName(JavaType type) {
        if (type.isArrayType()) {
            return simpleName(type.getContentType()) + "[]";
        }
        StringBuilder name = new StringBuilder(type.getRawClass().getSimpleName());
        if (type.containedTypeCount() > 0) {
            name.append('<');
            for (int i = 0; i < type.containedTypeCount(); i++) {
                name.append(i == 0 ? "" : ", ").append(simpleName(type.containedType(i)));
            }
            name.append('>');
        }
        return name.toString();
    }

    /**
     * Converts the fixture with {@code mapper} (null: llmock's default); {@code count > 1} has been checked against the
     * container already.
     */
    Object convert(Fixture fixture, ObjectMapper mapper) {
        JsonNode json = fixture.json();
        if (container == Container.NONE) {
            return element(json, mapper);
        }
        List<Object> items = new ArrayList<>();
        if (json.isArray()) {
            json.forEach(item -> items.add(element(item, mapper)));
        } else {
            items.add(element(json, mapper));
        }
        switch (container) {
            case STREAM:
                return items.stream();
            case ARRAY: {
                Object array = Array.newInstance(element.getRawClass(), items.size());
                for (int i = 0; i < items.size(); i++) {
                    Array.set(array, i, items.get(i));
                }
                return array;
            }
            default:
                return collection(items, json.isArray() ? json : Json.MAPPER.createArrayNode().add(json), mapper);
        }
    }

    /** The items as the declared collection, without mapping them a second time where a plain one will do. */
    private Object collection(List<Object> items, JsonNode json, ObjectMapper mapper) {
        Class<?> raw = Json.MAPPER.constructType(declared).getRawClass();
        if (raw.isAssignableFrom(ArrayList.class)) {
            return items;
        }
        if (raw.isAssignableFrom(LinkedHashSet.class)) {
            return new LinkedHashSet<>(items);
        }
        return fixture(json, mapper).as(declared);
    }

    private Object element(JsonNode json, ObjectMapper mapper) {
        Class<?> raw = element.getRawClass();
        if (JsonNode.class.isAssignableFrom(raw)) {
            return json;
        }
        if (raw == String.class) {
            return Json.compact(json);
        }
        return fixture(json, mapper).as(element);
    }

    private static Fixture fixture(JsonNode json, ObjectMapper mapper) {
        Fixture fixture = new Fixture(json, placeholder());
        return mapper == null ? fixture : fixture.withMapper(mapper);
    }

    private static Provenance placeholder() {
        return new Provenance(Provenance.Source.GENERATED, "", "", null, 0, Duration.ZERO, null, null, Instant.EPOCH,
                null);
    }
}

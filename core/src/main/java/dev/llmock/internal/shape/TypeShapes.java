package dev.llmock.internal.shape;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.llmock.ShapeException;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.BooleanShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Derives a shape from a Java type as Jackson sees it (records, beans, collections, java.time, enums),
 * reading Jakarta or javax Bean Validation constraints by name, so neither API is needed at run time.
 */
public final class TypeShapes {
    private final Deque<Class<?>> path = new ArrayDeque<>();

    private TypeShapes() {
    }

    public static ShapeNode of(Type type) {
        return new TypeShapes().shape(Json.MAPPER.constructType(type), List.of(), type.getTypeName());
    }

    private ShapeNode shape(JavaType type, List<Annotation> constraints, String where) {
        Class<?> raw = type.getRawClass();
        if (type.isTypeOrSubTypeOf(Optional.class)) {
            return new NullableShape(shape(type.containedTypeOrUnknown(0), constraints, where));
        }
        ShapeNode scalar = scalar(raw);
        if (scalar != null) {
            return Constraints.apply(scalar, constraints);
        }
        if (raw.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                names.add(Json.MAPPER.convertValue(constant, String.class));
            }
            return StringShape.oneOf(names);
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            JavaType item = type.getContentType();
            boolean unique = type.isTypeOrSubTypeOf(Set.class);
            if (path.contains(item.getRawClass())) {
                // A tree type (Category with List<Category>) ends in empty lists rather than recursing forever.
                return new ArrayShape(new ObjectShape(Map.of(), Set.of(), null), 0, 0, unique);
            }
            return Constraints.apply(new ArrayShape(shape(item, List.of(), where + "[]"), null, null, unique),
                    constraints);
        }
        if (type.isMapLikeType()) {
            Class<?> key = type.getKeyType().getRawClass();
            if (key != String.class && key != Object.class && key != CharSequence.class) {
                throw new ShapeException("Cannot derive a shape from " + where + ": JSON object keys are strings,"
                        + " but this map is keyed by " + key.getName() + ". Use Map<String, ...>.");
            }
            return Constraints.apply(new MapShape(shape(type.getContentType(), List.of(), where + "{}"), null),
                    constraints);
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw) || raw.isInterface()
                || java.lang.reflect.Modifier.isAbstract(raw.getModifiers())) {
            throw new ShapeException("Cannot derive a shape from " + where + " (" + raw.getName() + "): the type"
                    + " says nothing about its fields. Give the shape explicitly, e.g. shape = \"{\\\"name\\\":\\\"string\\\"}\".");
        }
        return object(type, where);
    }

    private ShapeNode object(JavaType type, String where) {
        Class<?> raw = type.getRawClass();
        if (path.contains(raw)) {
            throw new ShapeException("Cannot derive a shape from " + where + ": " + raw.getSimpleName()
                    + " contains itself, so its data has no end. Hold the nested value in a List, or give the shape"
                    + " explicitly.");
        }
        path.push(raw);
        try {
            BeanDescription description = Json.MAPPER.getSerializationConfig().introspect(type);
            Map<String, ShapeNode> properties = new LinkedHashMap<>();
            Set<String> required = new LinkedHashSet<>();
            for (BeanPropertyDefinition property : description.findProperties()) {
                if (!property.couldSerialize()) {
                    continue;
                }
                List<Annotation> constraints = constraints(raw, property);
                ShapeNode value = shape(property.getPrimaryType(), constraints, where + "." + property.getName());
                properties.put(property.getName(), value);
                if (!(value instanceof NullableShape)) {
                    required.add(property.getName());
                }
            }
            if (properties.isEmpty()) {
                throw new ShapeException("Cannot derive a shape from " + where + " (" + raw.getName() + "): it has"
                        + " no properties that Jackson can see. Add getters or make it a record.");
            }
            return new ObjectShape(properties, required, null);
        } finally {
            path.pop();
        }
    }

    private static List<Annotation> constraints(Class<?> owner, BeanPropertyDefinition property) {
        List<Annotation> found = new ArrayList<>();
        for (AnnotatedMember member : new AnnotatedMember[] {
                property.getGetter(), property.getField(), property.getConstructorParameter()}) {
            if (member != null && member.getAnnotated() != null) {
                found.addAll(List.of(member.getAnnotated().getAnnotations()));
            }
        }
        Field field = declaredField(owner, property.getInternalName());
        if (field != null) {
            found.addAll(List.of(field.getAnnotations()));
            found.addAll(List.of(field.getAnnotatedType().getAnnotations()));
        }
        return found;
    }

    private static Field declaredField(Class<?> owner, String name) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    private static ShapeNode scalar(Class<?> raw) {
        if (raw == String.class || raw == CharSequence.class) {
            return StringShape.plain();
        }
        if (raw == char.class || raw == Character.class) {
            return StringShape.plain().withLength(1, 1);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return new BooleanShape();
        }
        if (raw == byte.class || raw == Byte.class) {
            return new NumberShape(true, BigDecimal.valueOf(Byte.MIN_VALUE), BigDecimal.valueOf(Byte.MAX_VALUE));
        }
        if (raw == short.class || raw == Short.class) {
            return new NumberShape(true, BigDecimal.valueOf(Short.MIN_VALUE), BigDecimal.valueOf(Short.MAX_VALUE));
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == BigInteger.class) {
            return NumberShape.integerShape();
        }
        if (raw == float.class || raw == Float.class || raw == double.class || raw == Double.class
                || raw == BigDecimal.class) {
            return NumberShape.decimal();
        }
        if (raw == UUID.class) {
            return StringShape.format("uuid");
        }
        if (raw == LocalDate.class) {
            return StringShape.format("date");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class
                || raw == LocalDateTime.class) {
            return StringShape.format("date-time");
        }
        if (raw == URI.class || raw == URL.class) {
            return StringShape.format("uri");
        }
        return null;
    }
}

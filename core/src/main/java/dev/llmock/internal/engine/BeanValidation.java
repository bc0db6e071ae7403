package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import dev.llmock.Violation;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Checks of one record against the request's target type: that it maps onto the type at all (a model may write
 * 6461921467 for an {@code int}), then Bean Validation of the mapped value when {@code jakarta.validation} and a
 * provider (such as Hibernate Validator) are on the classpath. Both are optional, so they are reached reflectively.
 * A type Jackson cannot build at all (no creator) is no fault of the data: {@code Fixture.as} explains it.
 */
abstract class BeanValidation {
    static final BeanValidation NONE = new BeanValidation() {
        @Override
        List<Violation> check(JsonNode record) {
            return List.of();
        }
    };

    /** Every constraint violation of {@code record}, each with its JSON Pointer. */
    abstract List<Violation> check(JsonNode record);

    /** The checks for {@code type} as {@code mapper} maps records onto it; none without a type. */
    static BeanValidation of(Type type, ObjectMapper mapper) {
        if (type == null) {
            return NONE;
        }
        return new Provider(mapper.constructType(type), mapper, Api.get());
    }

    /** The record's fault when it does not map onto {@code type}, or empty when the type itself cannot be built. */
    static List<Violation> mappingFailure(JavaType type, IllegalArgumentException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof InvalidDefinitionException) {
            return List.of();
        }
        StringBuilder pointer = new StringBuilder();
        if (cause instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference step : mapping.getPath()) {
                if (step.getFieldName() != null) {
                    pointer.append('/').append(step.getFieldName().replace("~", "~0").replace("/", "~1"));
                } else if (step.getIndex() >= 0) {
                    pointer.append('/').append(step.getIndex());
                }
            }
        }
        String reason = cause instanceof JsonMappingException mapping ? mapping.getOriginalMessage() : failure.getMessage();
        return List.of(new Violation(pointer.toString(), "does not map onto " + type.toCanonical() + ": "
                + (reason == null ? "" : reason.lines().findFirst().orElse(""))));
    }

    /** The reflective handles, looked up once; null when the API or a provider is missing. */
    private record Api(Object validator, Method validate, Method path, Method message, Method descriptor,
                       Method annotation) {
        private static volatile Api instance;
        private static volatile boolean missing;

        static Api get() {
            if (missing) {
                return null;
            }
            if (instance == null) {
                synchronized (Api.class) {
                    if (instance == null && !missing) {
                        instance = load();
                        missing = instance == null;
                    }
                }
            }
            return instance;
        }

        private static Api load() {
            try {
                ClassLoader loader = BeanValidation.class.getClassLoader();
                Class<?> validation = Class.forName("jakarta.validation.Validation", true, loader);
                Object factory = validation.getMethod("buildDefaultValidatorFactory").invoke(null);
                Class<?> factoryType = Class.forName("jakarta.validation.ValidatorFactory", true, loader);
                Object validator = factoryType.getMethod("getValidator").invoke(factory);
                Class<?> validatorType = Class.forName("jakarta.validation.Validator", true, loader);
                Class<?> violation = Class.forName("jakarta.validation.ConstraintViolation", true, loader);
                Class<?> descriptor = Class.forName("jakarta.validation.metadata.ConstraintDescriptor", true, loader);
                return new Api(validator, validatorType.getMethod("validate", Object.class, Class[].class),
                        violation.getMethod("getPropertyPath"), violation.getMethod("getMessage"),
                        violation.getMethod("getConstraintDescriptor"), descriptor.getMethod("getAnnotation"));
            } catch (ClassNotFoundException | LinkageError e) {
                return null; // no jakarta.validation at all
            } catch (InvocationTargetException e) {
                return null; // the API without a provider (NoProviderFoundException): nothing to check with
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
    }

    private static final class Provider extends BeanValidation {
        private final JavaType type;
        private final ObjectMapper mapper;
        /** Null without Bean Validation: then only the mapping is checked. */
        private final Api api;

        Provider(JavaType type, ObjectMapper mapper, Api api) {
            this.type = type;
            this.mapper = mapper;
            this.api = api;
        }

        @Override
        List<Violation> check(JsonNode record) {
            Object value;
            try {
                value = mapper.convertValue(record, type);
            } catch (IllegalArgumentException e) {
                return mappingFailure(type, e);
            }
            if (value == null || api == null) {
                return List.of();
            }
            List<Violation> violations = new ArrayList<>();
            try {
                for (Object each : (Collection<?>) api.validate().invoke(api.validator(), value, new Class<?>[0])) {
                    String path = String.valueOf(api.path().invoke(each));
                    Annotation annotation = (Annotation) api.annotation().invoke(api.descriptor().invoke(each));
                    violations.add(new Violation(pointer(path), api.message().invoke(each) + " (Bean Validation @"
                            + annotation.annotationType().getSimpleName() + ")"));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Bean Validation of " + type.toCanonical() + " failed", e);
            }
            violations.sort(Comparator.comparing(Violation::pointer).thenComparing(Violation::reason));
            return violations;
        }
    }

    /** {@code address.city} to {@code /address/city}, {@code tags[0].<list element>} to {@code /tags/0}. */
    static String pointer(String path) {
        StringBuilder pointer = new StringBuilder();
        for (String step : path.split("\\.")) {
            if (step.isEmpty() || step.startsWith("<")) {
                continue;
            }
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            if (!name.isEmpty()) {
                pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
            }
            if (bracket >= 0 && step.endsWith("]") && step.length() > bracket + 2) {
                pointer.append('/').append(step, bracket + 1, step.length() - 1);
            }
        }
        return pointer.toString();
    }
}

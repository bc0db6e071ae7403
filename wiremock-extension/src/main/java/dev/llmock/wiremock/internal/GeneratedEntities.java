package dev.llmock.wiremock.internal;

import dev.llmock.wiremock.internal.context.Nouns;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.function.BiConsumer;

/**
 * Finds the {@code @Generated} arguments of a test method (llmock's JUnit extension made them; matched by the
 * annotation's name, so this module needs no dependency on that one), to put them into the test's API context under
 * the collection their type names: a {@code Customer} under {@code /customers}, each element of a
 * {@code List<Customer>} likewise.
 */
public final class GeneratedEntities {
    /** The annotation of llmock's JUnit extension: {@value}. */
    static final String GENERATED = "dev.llmock.junit.Generated";

    private GeneratedEntities() {
    }

    /**
     * Hands each generated entity to {@code put} with its collection path; values that are no entities (text,
     * numbers) are passed over, as {@code put} may pass over entities without an id.
     */
    public static void of(Method method, Object[] arguments, BiConsumer<String, Object> put) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length && i < arguments.length; i++) {
            if (!generated(parameters[i]) || arguments[i] == null) {
                continue;
            }
            if (arguments[i] instanceof Collection) {
                for (Object element : (Collection<?>) arguments[i]) {
                    entity(element, put);
                }
            } else {
                entity(arguments[i], put);
            }
        }
    }

    private static void entity(Object value, BiConsumer<String, Object> put) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value.getClass().isArray() || value.getClass().isEnum()) {
            return;
        }
        put.accept("/" + Nouns.collectionOf(value.getClass().getSimpleName()), value);
    }

    private static boolean generated(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (annotation.annotationType().getName().equals(GENERATED)) {
                return true;
            }
        }
        return false;
    }
}

package dev.llmock.junit;

import dev.llmock.junit.internal.GeneratedArgumentsProvider;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Arguments for a {@code @ParameterizedTest} generated from a shape: valid records, edge cases that are still
 * valid, or invalid cases that each break the shape in one named way (API contract testing from a schema).
 *
 * <pre>{@code
 * @ParameterizedTest(name = "{0}")
 * @GeneratedSource(shape = "{\"email\":\"email\",\"age\":0}", kind = Kind.INVALID)
 * void rejects(JsonNode body) {
 *     assertThat(api.post(body).status()).isEqualTo(400);
 * }
 * }</pre>
 *
 * For a contract test of your own API, the shape can be the request body of an operation of its OpenAPI description
 * (needs {@code dev.llmock:llmock-openapi} on the test classpath):
 * <pre>{@code
 * @ParameterizedTest(name = "{0}")
 * @GeneratedSource(openApi = "petstore.yaml", operation = "addPet", kind = Kind.INVALID)
 * void rejectsBrokenPets(JsonNode pet) { ... }
 * }</pre>
 *
 * The case is converted to the method's first parameter type (a record, bean, {@code JsonNode}, {@code String}
 * or {@code Map}); for {@code INVALID} prefer {@code JsonNode} or {@code String}, since broken data may not map
 * onto a type.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ArgumentsSource(GeneratedArgumentsProvider.class)
public @interface GeneratedSource {

    /**
     * {@return an LLMockApi template or JSON Schema; empty when {@link #shapeResource()} or {@link #openApi()} gives
     * the
     * shape}
     */
    String shape() default "";

    /** {@return a classpath resource holding the shape, e.g. {@code shapes/user.json}; empty for none} */
    String shapeResource() default "";

    /**
     * {@return an OpenAPI description (3.0 or 3.1; a classpath resource, else a file) whose {@link #operation()}'s
     * request
     * body schema is the shape; empty for none}
     *
     * @since 0.2.0
     */
    String openApi() default "";

    /**
     * {@return with {@link #openApi()}: the {@code operationId} (or {@code "METHOD /path"}) whose request body to
     * generate}
     *
     * @since 0.2.0
     */
    String operation() default "";

    /** {@return for {@code VALID}: how many records} */
    int count() default 5;

    /** {@return for {@code EDGE}/{@code INVALID}: at most this many cases; 0 gives every case} */
    int maxCases() default 0;

    /** {@return the backend name for {@code VALID} records: empty for the configured default} */
    String backend() default "";

    /** {@return which cases to produce; {@link Kind#VALID} by default} */
    Kind kind() default Kind.VALID;

    /**
     * Which cases to produce.
     *
     * @since 0.1.0
     */
    enum Kind {
        /** Realistic records that fit the shape. */
        VALID,
        /** Boundary values that still fit: empty and maximal strings and arrays, unicode, extreme numbers. */
        EDGE,
        /** Each case breaks the shape in one named way; the display name says which. */
        INVALID
    }
}

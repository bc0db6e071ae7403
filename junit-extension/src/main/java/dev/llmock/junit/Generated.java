package dev.llmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects generated data into a test or lifecycle method parameter, a constructor parameter, or a field.
 * Nothing else is needed on the class: the annotation registers {@link LlmockExtension} itself.
 *
 * <pre>{@code
 * @Test
 * void signsUp(@Generated User user,
 *              @Generated(shape = "{\"sku\":\"string\",\"price\":0.0}", count = 3) List<Product> basket) {
 *     ...
 * }
 * }</pre>
 *
 * The first run records the fixtures in a cassette ({@code src/test/resources/llmock/cassettes/<TestClass>.json});
 * later runs, and CI, replay them with no backend call.
 *
 * <p>It also works as a meta-annotation, to name a shape once and use it everywhere:
 * <pre>{@code
 * @Retention(RetentionPolicy.RUNTIME)
 * @Generated(shape = "{\"name\":\"string\",\"email\":\"email\"}")
 * @interface Customer { }
 *
 * @Test
 * void signsUp(@Customer JsonNode customer) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@ExtendWith(LlmockExtension.class)
public @interface Generated {

    /** {@return an LLMockApi template or JSON Schema; empty derives the shape from the parameter's type} */
    String shape() default "";

    /** {@return A classpath resource holding the shape, e.g. {@code shapes/user.json}} */
    String shapeResource() default "";

    /**
     * {@return how many records; more than 1 needs a {@code List<T>}, {@code Set<T>}, {@code T[]} or {@code Stream<T>}}
     */
    int count() default 1;

    /** {@return the backend name: empty for the configured default, {@code "auto"} to route by complexity} */
    String backend() default "";

    /** {@return A backend that enriches the first stage's output (sequential enhancement); empty for none} */
    String enrich() default "";

    /** {@return A backend that validates and repairs the output; empty for none} */
    String validate() default "";

    /**
     * {@return backends that each answer the same request; the answer closest to the others wins (consensus); empty for
     * none}
     */
    String[] consensus() default {};

    /** {@return the backend that corrects violations found by the checks or the validator; empty uses the producer} */
    String corrector() default "";

    /** {@return A backend that gets one last try when {@code maxAttempts} are used up; empty for none} */
    String finalBackend() default "";

    /** {@return extra instructions for LLM backends; empty for none} */
    String prompt() default "";

    /** {@return rules in words that every record must satisfy} */
    String[] rules() default {};

    /** {@return the attempts at valid output per stage, repairs included} */
    int maxAttempts() default 3;

    /** {@return A fixed variant; by default (-1) repeated identical requests in one test get variants 0, 1, 2 ..} */
    int variant() default -1;
}

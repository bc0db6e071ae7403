package dev.llmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Optional class-level settings for llmock in a test class (inherited by subclasses).
 *
 * <pre>{@code
 * @LlmockSettings(mode = "replay", cassette = "checkout-fixtures")
 * class CheckoutTest { ... }
 * }</pre>
 *
 * Each setting overrides the configuration parameter ({@code junit-platform.properties} or {@code -D}), which
 * overrides the {@code LLMOCK_*} environment variable.
 *
 * @since 0.2.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LlmockExtension.class)
public @interface LlmockSettings {

    /** {@return path of an {@code llmock.json} for this class; empty uses {@code llmock.config} or the classpath} */
    String config() default "";

    /**
     * {@return {@code once}, {@code replay}, {@code record}, {@code rerecord} or {@code live} (or VCR's {@code none},
     * {@code new_episodes}, {@code all}); empty uses {@code llmock.mode}}
     */
    String mode() default "";

    /** {@return the cassette name (file {@code <name>.json}); empty uses the test class's fully qualified name} */
    String cassette() default "";
}

package dev.llmock.junit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.RecordMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What a {@code LlmockExtension} built in code sets for its test class; null for each setting it leaves to the
 * annotation, the configuration parameters, the environment, {@code llmock.json} and the defaults.
 *
 * @param config             the configuration, made when the class first needs it (a container may start first)
 * @param mode               the record mode
 * @param cassettesDirectory where the class's cassette is
 * @param cassette           the cassette's name
 * @param maxAge             entries older than this are stale
 * @param objectMapper       maps fixtures onto the parameters' and fields' types
 */
public record ExtensionSettings(Supplier<LlmockConfig> config, RecordMode mode, Path cassettesDirectory,
                                String cassette, Duration maxAge, ObjectMapper objectMapper) {
    /** The settings of the extension that {@code @Generated} registers by itself: none. */
    public static final ExtensionSettings NONE = new ExtensionSettings(null, null, null, null, null, null);

    /** Whether these settings came from code, so the extension must be the one registered for its class. */
    public boolean fromCode() {
        return !equals(NONE);
    }
}

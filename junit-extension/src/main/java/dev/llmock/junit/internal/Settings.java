package dev.llmock.junit.internal;

import dev.llmock.LlmockConfig;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * llmock's settings for one test class: annotation, then configuration parameter ({@code junit-platform.properties}
 * or {@code -D}), then {@code LLMOCK_*} environment variable, then default.
 */
record Settings(RecordMode mode, LlmockConfig config, Path cassettesDirectory, String cassetteName) {
    /** Environment variable for the cassette directory: {@value}. */
    static final String DIR_ENV = "LLMOCK_CASSETTES_DIR";

    static Settings resolve(ExtensionContext classContext, Function<String, String> env) {
        Class<?> testClass = classContext.getRequiredTestClass();
        dev.llmock.junit.LlmockSettings annotation = org.junit.platform.commons.support.AnnotationSupport
                .findAnnotation(testClass, dev.llmock.junit.LlmockSettings.class).orElse(null);
        Function<String, String> parameters = key -> classContext.getConfigurationParameter(key).orElse(null);

        RecordMode mode = RecordMode.resolve(annotation == null ? null : blankToNull(annotation.mode()),
                parameters, env);

        String annotated = annotation == null ? null : blankToNull(annotation.config());
        String configPath = annotated != null ? annotated : parameters.apply(LlmockConfig.CONFIG_PROPERTY);
        LlmockConfig config = configPath == null ? rootCached(classContext, "config:default", LlmockConfig::load)
                : rootCached(classContext, "config:" + configPath, () -> LlmockConfig.fromFile(Path.of(configPath)));

        String dir = parameters.apply(Cassettes.DIR_PROPERTY);
        if (dir == null) {
            dir = env.apply(DIR_ENV);
        }
        Path directory = Path.of(dir == null || dir.isBlank() ? Cassettes.DEFAULT_DIRECTORY : dir);

        String cassette = annotation == null ? null : blankToNull(annotation.cassette());
        return new Settings(mode, config, directory, cassette == null ? testClass.getName() : cassette);
    }

    /** Parsed once per run: configuration files are read into the root context's store. */
    private static LlmockConfig rootCached(ExtensionContext context, String key,
                                           java.util.function.Supplier<LlmockConfig> load) {
        return context.getRoot().getStore(LlmockStore.NAMESPACE)
                .getOrComputeIfAbsent(key, k -> load.get(), LlmockConfig.class);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

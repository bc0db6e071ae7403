package dev.llmock.junit.internal;

import dev.llmock.LlmockConfig;
import dev.llmock.SettingResolver;
import dev.llmock.cassette.CassetteSettings;
import dev.llmock.cassette.RecordMode;
import dev.llmock.junit.LlmockSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * llmock's settings for one test class, parsed once: the {@link LlmockSettings} annotation, then the configuration
 * parameter ({@code junit-platform.properties} or {@code -D}), then the {@code LLMOCK_*} environment variable, then
 * {@code llmock.json}, then the default, all through one {@link SettingResolver}.
 */
record Settings(RecordMode mode, LlmockConfig config, Path cassettesDirectory, Duration maxAge, String cassetteName,
                SettingResolver sources) {

    static Settings resolve(ExtensionContext classContext, Function<String, String> env) {
        Class<?> testClass = classContext.getRequiredTestClass();
        LlmockSettings annotation = AnnotationSupport.findAnnotation(testClass, LlmockSettings.class).orElse(null);
        SettingResolver sources = SettingResolver.of(key -> classContext.getConfigurationParameter(key).orElse(null),
                env);

        String annotatedConfig = annotation == null ? null : blankToNull(annotation.config());
        Path configFile = sources.get(LlmockConfig.FILE, annotatedConfig == null ? null : Path.of(annotatedConfig));
        LlmockConfig config = configFile == null ? rootCached(classContext, "config:default", LlmockConfig::load)
                : rootCached(classContext, "config:" + configFile, () -> LlmockConfig.fromFile(configFile));
        sources = sources.withConfig(config);

        String annotatedMode = annotation == null ? null : blankToNull(annotation.mode());
        RecordMode mode = sources.get(CassetteSettings.MODE, annotatedMode == null ? null
                : RecordMode.parse(annotatedMode));
        String cassette = annotation == null ? null : blankToNull(annotation.cassette());
        return new Settings(mode, config, sources.get(CassetteSettings.DIRECTORY), sources.get(CassetteSettings.MAX_AGE),
                cassette == null ? testClass.getName() : cassette, sources);
    }

    /** Whether a class that records anything fails ({@link CassetteSettings#FAIL_ON_RECORD}). */
    boolean failOnRecord() {
        return sources.get(CassetteSettings.FAIL_ON_RECORD);
    }

    /** Parsed once per run: configuration files are read into the root context's store. */
    private static LlmockConfig rootCached(ExtensionContext context, String key, Supplier<LlmockConfig> load) {
        return context.getRoot().getStore(LlmockStore.NAMESPACE)
                .getOrComputeIfAbsent(key, k -> load.get(), LlmockConfig.class);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

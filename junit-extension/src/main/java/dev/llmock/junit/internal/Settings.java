package dev.llmock.junit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * llmock's settings for one test class, parsed once: a {@code LlmockExtension} built in code for the class, then the
 * {@link LlmockSettings} annotation, then the configuration parameter ({@code junit-platform.properties} or
 * {@code -D}), then the {@code LLMOCK_*} environment variable, then {@code llmock.json}, then the default, all through
 * one {@link SettingResolver}.
 *
 * @param objectMapper the user's mapper for fixtures, or null for llmock's default
 * @param sources      where the settings were read, for those read later ({@code failOnRecord})
 */
record Settings(RecordMode mode, LlmockConfig config, Path cassettesDirectory, Duration maxAge, String cassetteName,
                ObjectMapper objectMapper, SettingResolver sources) {

    static Settings resolve(ExtensionContext classContext, Function<String, String> env, ExtensionSettings code) {
        Class<?> testClass = classContext.getRequiredTestClass();
        LlmockSettings annotation = AnnotationSupport.findAnnotation(testClass, LlmockSettings.class).orElse(null);
        SettingResolver sources = SettingResolver.of(key -> classContext.getConfigurationParameter(key).orElse(null),
                env);

        LlmockConfig config = code.config() != null ? code.config().get() : fileConfig(classContext, annotation,
                sources);
        sources = sources.withConfig(config);

        String annotatedMode = annotation == null ? null : blankToNull(annotation.mode());
        RecordMode mode = sources.get(CassetteSettings.MODE, code.mode() != null ? code.mode()
                : annotatedMode == null ? null : RecordMode.parse(annotatedMode));
        String annotatedCassette = annotation == null ? null : blankToNull(annotation.cassette());
        String cassette = code.cassette() != null ? code.cassette() : annotatedCassette;
        return new Settings(mode, config, sources.get(CassetteSettings.DIRECTORY, code.cassettesDirectory()),
                sources.get(CassetteSettings.MAX_AGE, code.maxAge()), cassette == null ? testClass.getName() : cassette,
                code.objectMapper(), sources);
    }

    /** Whether a class that records anything fails ({@link CassetteSettings#FAIL_ON_RECORD}). */
    boolean failOnRecord() {
        return sources.get(CassetteSettings.FAIL_ON_RECORD);
    }

    private static LlmockConfig fileConfig(ExtensionContext classContext, LlmockSettings annotation,
                                           SettingResolver sources) {
        String annotatedConfig = annotation == null ? null : blankToNull(annotation.config());
        Path configFile = sources.get(LlmockConfig.FILE, annotatedConfig == null ? null : Path.of(annotatedConfig));
        return configFile == null ? rootCached(classContext, "config:default", LlmockConfig::load)
                : rootCached(classContext, "config:" + configFile, () -> LlmockConfig.fromFile(configFile));
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

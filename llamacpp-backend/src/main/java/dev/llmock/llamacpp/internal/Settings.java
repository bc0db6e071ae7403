package dev.llmock.llamacpp.internal;

import dev.llmock.BackendConfig;
import dev.llmock.ConfigException;
import dev.llmock.LlmockConfig;
import dev.llmock.llamacpp.LlamaCpp;
import dev.llmock.spi.BackendContext;
import java.nio.file.Path;

/**
 * One {@code llamacpp} backend entry, checked and with its defaults filled in.
 *
 * @param backend     the backend's name, for messages
 * @param model       the {@code model} as written (a path to a GGUF file)
 * @param configDir   the directory of {@code llmock.json}, or null when it did not come from a file
 * @param contextSize tokens of context
 * @param threads     CPU threads
 * @param gpuLayers   layers offloaded to a GPU
 * @param maxTokens   the prediction limit per call, or null for whatever the context leaves after the prompt
 * @param temperature sampling temperature
 * @param limits      bounds put on strings and arrays of the schema
 */
record Settings(String backend, String model, Path configDir, int contextSize, int threads, int gpuLayers,
                Integer maxTokens, double temperature, LlmockConfig.Limits limits) {
    static final double DEFAULT_TEMPERATURE = 0.7;
    private static final int MIN_CONTEXT = 256;
    private static final int MAX_CONTEXT = 1 << 20;

    static Settings of(BackendConfig config, BackendContext context) {
        String name = config.name();
        if (config.model() == null || config.model().isBlank()) {
            throw new ConfigException(Messages.noModel(name));
        }
        int contextSize = within(name, LlamaCpp.CONTEXT_SIZE,
                config.intOption(LlamaCpp.CONTEXT_SIZE).orElse(LlamaCpp.DEFAULT_CONTEXT_SIZE), MIN_CONTEXT,
                MAX_CONTEXT);
        int threads = within(name, LlamaCpp.THREADS,
                config.intOption(LlamaCpp.THREADS).orElse(Runtime.getRuntime().availableProcessors()), 1, 1024);
        int gpuLayers = within(name, LlamaCpp.GPU_LAYERS, config.intOption(LlamaCpp.GPU_LAYERS).orElse(0), 0,
                100_000);
        if (config.maxTokens() != null && config.maxTokens() >= contextSize) {
            throw new ConfigException(Messages.budgetOverContext(name, config.maxTokens(), contextSize));
        }
        LlmockConfig llmock = context.config();
        return new Settings(name, config.model(), ConfigDirectory.of(llmock.source()), contextSize, threads,
                gpuLayers, config.maxTokens(),
                llmock.temperature() == null ? DEFAULT_TEMPERATURE : llmock.temperature(), llmock.limits());
    }

    /** What identifies a loaded model: the same file with the same settings is loaded once per JVM. */
    ModelKey key(Path file) {
        return new ModelKey(file, contextSize, threads, gpuLayers);
    }

    private static int within(String backend, String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(Messages.outOfRange(backend, key, value, min, max));
        }
        return value;
    }

    /** A model file and the settings it is loaded with. */
    record ModelKey(Path file, int contextSize, int threads, int gpuLayers) {
    }
}

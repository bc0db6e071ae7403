package dev.llmock.llamacpp.internal;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.llmock.LlmockException;
import dev.llmock.internal.backend.PromptBuilder;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One GGUF model loaded into llama.cpp, which every backend and thread of the JVM naming the same file with the same
 * settings shares.
 *
 * <p>Calls take turns: java-llama.cpp runs a llama.cpp server loop with one slot, and threads waiting for their
 * results there spin while another's result is pending, taking CPU from the model. One slot, no prompt cache and one
 * call at a time also keep an answer a function of the prompt and the seed alone.
 */
final class LocalModel implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.llmock.backend");

    private final LlamaModel model;
    private final ModelFile file;
    private final int contextSize;
    private final ReentrantLock turn = new ReentrantLock(true);

    /**
     * What one call produced.
     *
     * @param text             the model's output, possibly cut off
     * @param promptTokens     tokens of the prompt
     * @param completionTokens tokens generated
     */
    record Completion(String text, int promptTokens, int completionTokens) {
    }

    /**
     * One call: the prompt, the grammar its output must follow, the seed and the sampling temperature.
     *
     * @param maxTokens       the prediction limit, or null for the room the context leaves
     * @param minAnswerTokens the least room the answer needs; with less the call is not made
     */
    record Call(String prompt, String grammar, int seed, double temperature, Integer maxTokens,
                int minAnswerTokens) {
    }

    /** The context cannot hold the prompt and the least answer. */
    static final class TooLittleRoom extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int promptTokens;

        TooLittleRoom(int promptTokens) {
            super("the prompt takes " + promptTokens + " tokens");
            this.promptTokens = promptTokens;
        }

        int promptTokens() {
            return promptTokens;
        }
    }

    private LocalModel(LlamaModel model, ModelFile file, int contextSize) {
        this.model = model;
        this.file = file;
        this.contextSize = contextSize;
    }

    static LocalModel load(String who, ModelFile file, Settings.ModelKey key) {
        NativeLibrary.prepare();
        ModelParameters parameters = new ModelParameters()
                .setModel(file.path().toString())
                .setCtxSize(key.contextSize())
                .setThreads(key.threads())
                .setParallel(1);
        if (key.gpuLayers() > 0) {
            // Passed only when asked for: CPU-only builds print a warning for any value.
            parameters.setGpuLayers(key.gpuLayers());
        }
        if (!LOG.isLoggable(Level.DEBUG)) {
            parameters.disableLog();
        }
        long started = System.nanoTime();
        try {
            LlamaModel model = new LlamaModel(parameters);
            LOG.log(Level.INFO, () -> "llmock: " + who + " loaded " + file.path() + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms" + (file.header().chatTemplate() == null
                    ? " (no chat template: plain prompts)" : ""));
            return new LocalModel(model, file, key.contextSize());
        } catch (RuntimeException e) {
            // java-llama.cpp's LlamaException is not public.
            throw new LlmockException(Messages.notLoaded(who, file.path(), e.getMessage()), e);
        }
    }

    /** The prompt as this model reads it: through its chat template when it has one, else as plain text. */
    String render(PromptBuilder.Prompt prompt) {
        if (file.header().chatTemplate() == null) {
            return prompt.system() + "\n\n" + prompt.user() + "\n\nJSON:\n";
        }
        InferenceParameters chat = new InferenceParameters("")
                .setMessages(prompt.system(), List.of(new Pair<>("user", prompt.user())));
        turn.lock();
        try {
            return model.applyTemplate(chat);
        } finally {
            turn.unlock();
        }
    }

    /** Runs one call, waiting for the calls before it. */
    Completion complete(Call call) {
        turn.lock();
        try {
            int promptTokens = model.encode(call.prompt()).length;
            int room = contextSize - promptTokens - 1;
            if (room < call.minAnswerTokens()) {
                throw new TooLittleRoom(promptTokens);
            }
            int limit = call.maxTokens() == null ? room : Math.min(call.maxTokens(), room);
            InferenceParameters parameters = new InferenceParameters(call.prompt())
                    .setGrammar(call.grammar())
                    .setSeed(call.seed())
                    .setTemperature((float) call.temperature())
                    .setNPredict(Math.max(1, limit))
                    .setCachePrompt(false);
            StringBuilder text = new StringBuilder();
            int outputs = 0;
            for (LlamaOutput output : model.generate(parameters)) {
                text.append(output.text);
                outputs++;
            }
            // Streaming sends one output per token and a last one that only says "stop".
            return new Completion(text.toString(), promptTokens, Math.max(0, outputs - 1));
        } finally {
            turn.unlock();
        }
    }

    /** Stops llama.cpp's loop; java-llama.cpp keeps the memory until the JVM ends. */
    @Override
    public void close() {
        model.close();
    }
}

package dev.llmock.llamacpp.internal;

import dev.llmock.BackendException;
import dev.llmock.ConfigException;
import dev.llmock.LlmockException;
import dev.llmock.llamacpp.LlamaCpp;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendLimits;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import dev.llmock.spi.CallCost;
import java.nio.file.Path;

/**
 * The {@code llamacpp} provider as the engine sees it: the one class that speaks llmock's backend SPI. The model is
 * found and loaded on the first call, not when the backend is created, so that a configuration naming a model the
 * machine does not have still replays cassettes.
 */
final class LlamaCppBackend implements Backend {
    private final Settings settings;
    private final String who;
    private volatile ModelCall calls;

    LlamaCppBackend(Settings settings) {
        this.settings = settings;
        this.who = Messages.who(settings.backend(), settings.model());
    }

    @Override
    public String name() {
        return settings.backend();
    }

    @Override
    public String provider() {
        return LlamaCpp.PROVIDER;
    }

    @Override
    public String model() {
        return settings.model();
    }

    /** Calls take turns on the loaded model, so one at a time is all this backend can take. */
    @Override
    public BackendLimits limits() {
        return new BackendLimits(settings.maxTokens(), 1, null);
    }

    /**
     * One call of the model. An answer cut off at the token limit fails with a cost that says
     * {@link CallCost#truncated() truncated}: the engine, which batches, asks again with fewer records or a larger
     * budget, as it does for a network provider's {@code finish_reason: length}.
     */
    @Override
    public BackendResponse call(BackendRequest request) {
        ModelCall model = loaded();
        Integer budget = request.maxTokens() != null ? request.maxTokens() : settings.maxTokens();
        ModelCall.Answer answer = ask(model, request, budget);
        LocalModel.Completion completion = answer.completion();
        CallCost cost = new CallCost(name(), provider(), model(), 1, 0, (long) completion.promptTokens(),
                (long) completion.completionTokens(), answer.cutOff());
        if (answer.cutOff()) {
            int limit = budget != null ? budget : Math.max(1, completion.completionTokens());
            throw new BackendException(cost, null, 0, Messages.cutOff(who, limit) + Messages.cutOffHint(name()),
                    false, null);
        }
        return new BackendResponse(answer.json(), cost);
    }

    private ModelCall.Answer ask(ModelCall model, BackendRequest request, Integer budget) {
        try {
            return model.ask(request, budget);
        } catch (LocalModel.TooLittleRoom e) {
            throw new ConfigException(Messages.contextTooSmall(who, settings.backend(), e.promptTokens(),
                    settings.contextSize(), ModelCall.tokensPerRecord(request)));
        } catch (LlmockException e) {
            throw e;
        } catch (RuntimeException e) {
            // llama.cpp's own failures arrive as java-llama.cpp's LlamaException, which is not public.
            throw new BackendException(CallCost.of(this), null, 0, Messages.failed(who, String.valueOf(e.getMessage())),
                    false, e);
        }
    }

    private ModelCall loaded() {
        ModelCall current = calls;
        if (current == null) {
            synchronized (this) {
                current = calls;
                if (current == null) {
                    Path file = ModelFile.locate(who, settings.model(), settings.configDir(),
                            Path.of("").toAbsolutePath());
                    Settings.ModelKey key = settings.key(file);
                    LocalModel model = LoadedModels.get(key, () -> LocalModel.load(who, ModelFile.check(who, file),
                            key));
                    current = new ModelCall(settings, model);
                    calls = current;
                }
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return "LlamaCppBackend[name=" + settings.backend() + ", model=" + settings.model() + "]";
    }
}

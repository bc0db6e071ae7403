package dev.llmock.llamacpp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.Json;
import dev.llmock.internal.backend.PromptBuilder;
import dev.llmock.internal.backend.ProviderSchema;
import dev.llmock.internal.backend.VerdictSchema;
import dev.llmock.spi.BackendRequest;
import java.lang.System.Logger.Level;

/**
 * One call of the model for a request: llmock's prompt (with the schema spelled out, since the model does not see
 * the grammar), the grammar that holds the answer to the schema (a verdict's, for a validator), and the request's
 * seed.
 */
final class ModelCall {
    /** Every prompt the model is given, at TRACE ({@code FINER} in the JDK's own logging): {@value #PROMPT_LOGGER}. */
    static final String PROMPT_LOGGER = "dev.llmock.prompts";
    private static final System.Logger PROMPTS = System.getLogger(PROMPT_LOGGER);
    private static final int CHARS_PER_TOKEN = 4;

    private final Settings settings;
    private final LocalModel model;

    /**
     * What one call gave.
     *
     * @param json       the answer without its envelope, or null when it was not whole JSON
     * @param cutOff     whether the model stopped at the token limit before the JSON was complete
     * @param completion the raw completion
     */
    record Answer(JsonNode json, boolean cutOff, LocalModel.Completion completion) {
    }

    ModelCall(Settings settings, LocalModel model) {
        this.settings = settings;
        this.model = model;
    }

    /**
     * Asks the model for {@code request} with at most {@code maxTokens} tokens (null: what the context leaves).
     *
     * @throws LocalModel.TooLittleRoom when the context cannot hold the prompt and one record
     */
    Answer ask(BackendRequest request, Integer maxTokens) {
        ProviderSchema schema = VerdictSchema.forCall(request, ProviderSchema.of(request.shape(), request.count(),
                settings.limits()));
        String prompt = model.render(PromptBuilder.build(request, schema, true));
        int seed = seed(request);
        PROMPTS.log(Level.TRACE, () -> "llmock: backend \"" + settings.backend() + "\", seed " + seed + ", prompt:\n"
                + prompt);
        LocalModel.Completion completion = model.complete(new LocalModel.Call(prompt, Grammars.of(schema.schema()),
                seed, settings.temperature(), maxTokens, tokensPerRecord(request)));
        JsonNode whole = whole(completion.text());
        // The grammar lets the model end only where the JSON is complete, so an incomplete answer means it reached
        // the prediction limit (or the end of the context, which the limit never passes).
        return new Answer(whole == null ? null : schema.unwrap(whole), whole == null, completion);
    }

    /** About as many tokens as the compact schema of one record has characters / {@value #CHARS_PER_TOKEN}. */
    static int tokensPerRecord(BackendRequest request) {
        return Math.max(10, Json.compact(request.shape().toJsonSchema()).length() / CHARS_PER_TOKEN);
    }

    /** A non-negative 31-bit seed, as llama.cpp takes it; the same request gives the same seed. */
    static int seed(BackendRequest request) {
        return (int) Math.floorMod(request.seed(), (long) Integer.MAX_VALUE);
    }

    private static JsonNode whole(String text) {
        try {
            JsonNode json = Json.MAPPER.readTree(text);
            return json == null || json.isMissingNode() ? null : json;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

package dev.llmock.llamacpp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.kherud.llama.LlamaModel;
import dev.llmock.internal.Json;

/** Turns the JSON Schema of an answer into llama.cpp's grammar (GBNF), remembering the recent ones. */
final class Grammars {
    private static final Cache<String, String> CACHE = Caffeine.newBuilder().maximumSize(256).build();

    private Grammars() {
    }

    /** The grammar for answers that fit {@code schema}, built from the part of it the converter handles. */
    static String of(JsonNode schema) {
        String safe = Json.compact(GrammarSchema.of(schema));
        return CACHE.get(safe, text -> {
            NativeLibrary.prepare();
            return LlamaModel.jsonSchemaToGrammar(text);
        });
    }
}

package dev.llmock.internal.engine;

import dev.llmock.spi.Backend;

/** Every message the engine shows a user, in one place so they read alike. */
final class Messages {

    private Messages() {
    }

    /** {@code The backend "fast" (ollama, model llama3.2)}. */
    static String backend(Backend backend) {
        return "The backend \"" + backend.name() + "\" (" + backend.provider()
                + (backend.model() == null ? "" : ", model " + backend.model()) + ")";
    }

    static String truncated(Backend backend, Integer budget) {
        return backend(backend) + " was cut off at the output token limit"
                + (budget == null ? "" : " (max " + budget + " tokens)")
                + ", even after retrying with a larger budget and fewer records per call. Raise \"maxTokens\" of"
                + " backend \"" + backend.name() + "\", or ask for fewer or smaller records.";
    }
}

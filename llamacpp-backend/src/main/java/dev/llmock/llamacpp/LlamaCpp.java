package dev.llmock.llamacpp;

/**
 * Provider {@value #PROVIDER}: a GGUF model run inside the JVM by llama.cpp (through java-llama.cpp), with no server,
 * no network and no key. Add {@code dev.llmock:llmock-llamacpp} to the class path and name a backend in
 * {@code llmock.json}; the service loader finds the rest.
 *
 * <pre>{@code
 * {"backends": [{"name": "local", "provider": "llamacpp", "model": "models/qwen2.5-0.5b-instruct-q4_k_m.gguf",
 *                "contextSize": 4096, "threads": 4, "gpuLayers": 0, "maxTokens": 2048}]}
 * }</pre>
 *
 * The output is held to the shape's JSON Schema by a grammar while the model writes it, so every answer is JSON of
 * the right structure; the same request (and so the same seed) gives the same answer.
 *
 * @since 0.2.0
 */
public final class LlamaCpp {
    /** The provider name in {@code llmock.json}: {@value}. */
    public static final String PROVIDER = "llamacpp";
    /** Tokens the model keeps in view at once, prompt and answer together: {@value}. */
    public static final String CONTEXT_SIZE = "contextSize";
    /** CPU threads llama.cpp computes with: {@value}. */
    public static final String THREADS = "threads";
    /** Layers offloaded to a GPU, for builds of llama.cpp that have one: {@value}. */
    public static final String GPU_LAYERS = "gpuLayers";
    /** The context size when {@value #CONTEXT_SIZE} is not set: {@value}. */
    public static final int DEFAULT_CONTEXT_SIZE = 4096;

    private LlamaCpp() {
    }
}

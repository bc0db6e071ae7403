/**
 * The {@code llamacpp} provider: a GGUF model run inside the JVM by llama.cpp, with no server, network or key.
 *
 * <p>There is no API to call: with this module on the class path, a backend entry with {@code "provider":
 * "llamacpp"} in {@code llmock.json} is found by the service loader. {@link dev.llmock.llamacpp.LlamaCpp} names the
 * provider and its own configuration keys.
 *
 * @since 0.2.0
 */
package dev.llmock.llamacpp;

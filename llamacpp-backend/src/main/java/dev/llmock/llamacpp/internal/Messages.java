package dev.llmock.llamacpp.internal;

import dev.llmock.llamacpp.LlamaCpp;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Every message a user of the {@code llamacpp} provider reads, in one place so they stay consistent. */
final class Messages {
    static final String EXAMPLE_MODEL = "models/qwen2.5-0.5b-instruct-q4_k_m.gguf";
    private static final String DOWNLOAD = "Download a small instruct model in GGUF format, for example: curl -L"
            + " --create-dirs -o " + EXAMPLE_MODEL
            + " https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf";

    private Messages() {
    }

    /** How messages name a backend: {@code Backend "local" (llamacpp, model tiny.gguf)}. */
    static String who(String backend, String model) {
        return "Backend \"" + backend + "\" (" + LlamaCpp.PROVIDER + (model == null ? "" : ", model " + model) + ")";
    }

    static String noModel(String backend) {
        return who(backend, null) + " names no \"model\": set it to the path of a GGUF file, such as \""
                + EXAMPLE_MODEL + "\". " + DOWNLOAD;
    }

    static String outOfRange(String backend, String key, long value, long min, long max) {
        return who(backend, null) + ": \"" + key + "\" is " + value + "; expected a whole number from " + min + " to "
                + max + ".";
    }

    static String budgetOverContext(String backend, int maxTokens, int contextSize) {
        return who(backend, null) + ": \"maxTokens\" is " + maxTokens + ", more than \"" + LlamaCpp.CONTEXT_SIZE
                + "\" " + contextSize + ", which must hold the prompt and the answer together. Raise \""
                + LlamaCpp.CONTEXT_SIZE + "\" or lower \"maxTokens\".";
    }

    static String missingFile(String who, String configured, List<Path> tried) {
        return who + " cannot find the model file \"" + configured + "\"; looked at "
                + tried.stream().map(path -> path.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(" and ")) + ". A relative \"model\" is resolved against the directory"
                + " of llmock.json, then the working directory. " + DOWNLOAD;
    }

    static String unreadable(String who, Path file, String reason) {
        return who + " cannot read the model file " + file + " (" + reason + "). Check its permissions.";
    }

    static String notGguf(String who, Path file, String found) {
        return who + ": " + file + " is not a GGUF model: it starts with " + found + ", where a GGUF file starts"
                + " with the bytes \"GGUF\". llama.cpp reads only GGUF: download a .gguf file, or convert the model with"
                + " llama.cpp's convert_hf_to_gguf.py.";
    }

    static String damagedGguf(String who, Path file, String reason) {
        return who + ": " + file + " starts like a GGUF model but its header is damaged (" + reason + ")."
                + " Download it again.";
    }

    static String notLoaded(String who, Path file, String reason) {
        return who + ": llama.cpp could not load " + file + " (" + reason + "). The file may be incomplete, or its"
                + " architecture newer than the llama.cpp inside de.kherud:llama. Set the logger dev.llmock.backend"
                + " to DEBUG to see llama.cpp's own log.";
    }

    static String contextTooSmall(String who, String backend, int promptTokens, int contextSize, int perRecord) {
        return who + ": the prompt for this shape takes " + promptTokens + " of the " + contextSize + " tokens of \""
                + LlamaCpp.CONTEXT_SIZE + "\", leaving " + Math.max(0, contextSize - promptTokens)
                + " for an answer that needs about " + perRecord + " per record. Raise \"" + LlamaCpp.CONTEXT_SIZE
                + "\" of backend \"" + backend + "\" in llmock.json, or ask for a smaller shape.";
    }

    static String cutOff(String who, int budget) {
        return who + " was cut off at the output token limit (max " + budget + " tokens), even after retrying with"
                + " a larger budget and fewer records per call.";
    }

    static String cutOffHint(String backend) {
        return " Raise \"maxTokens\" of backend \"" + backend + "\" (and \"" + LlamaCpp.CONTEXT_SIZE
                + "\" with it), or ask for fewer or smaller records.";
    }

    static String failed(String who, String reason) {
        return who + " failed: llama.cpp reported " + reason + ".";
    }

    static String libraryNotCopied(String reason) {
        return "Cannot copy llama.cpp's native library to a temporary directory: " + reason;
    }

    static String libraryNotLoaded(String os, String arch, String reason, String property) {
        return "llama.cpp's native library does not load on this platform (" + os + ", " + arch + "): " + reason
                + ". de.kherud:llama brings it for Linux and macOS on x86_64 and aarch64 and for Windows on x86_64;"
                + " elsewhere build it and point -D" + property + " at its directory.";
    }
}

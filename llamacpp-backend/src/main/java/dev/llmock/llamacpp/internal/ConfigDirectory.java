package dev.llmock.llamacpp.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The directory of {@code llmock.json}, found from where the configuration says it came from. */
final class ConfigDirectory {

    private ConfigDirectory() {
    }

    /**
     * The directory holding {@code source} when it is a file (a path, or a {@code file:} URL of a class path
     * resource), else null: a configuration inside a jar, or none, has no directory to resolve against.
     */
    static Path of(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        try {
            Path file = source.startsWith("file:") ? Path.of(URI.create(source)) : Path.of(source);
            return Files.isRegularFile(file) ? file.toAbsolutePath().getParent() : null;
        } catch (RuntimeException notAFile) {
            // "none", "-Dllmock.config=..." labels and jar: URLs are not paths; resolving falls back to the
            // working directory.
            return null;
        }
    }
}

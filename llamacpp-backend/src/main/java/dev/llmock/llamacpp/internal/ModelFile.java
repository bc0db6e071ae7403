package dev.llmock.llamacpp.internal;

import dev.llmock.ConfigException;
import dev.llmock.LlmockException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The GGUF file a backend names, found and checked before llama.cpp sees it: native code given a missing or foreign
 * file fails with little to go on, or not at all gracefully.
 *
 * @param path   the file, absolute
 * @param header what its header says
 */
record ModelFile(Path path, GgufHeader header) {

    /**
     * Finds {@code configured}: an absolute path as it is; a relative one in the directory of {@code llmock.json},
     * then in the working directory.
     *
     * @throws ConfigException when the file is in none of those places
     */
    static Path locate(String who, String configured, Path configDir, Path workingDir) {
        Path written = Path.of(configured);
        List<Path> tried = new ArrayList<>();
        if (written.isAbsolute()) {
            tried.add(written);
        } else {
            if (configDir != null) {
                tried.add(configDir.resolve(written));
            }
            tried.add(workingDir.resolve(written));
        }
        for (Path candidate : tried) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new ConfigException(Messages.missingFile(who, configured, tried));
    }

    /**
     * Reads the header of {@code file}.
     *
     * @throws LlmockException when the file cannot be read, is not GGUF, or its header is damaged
     */
    static ModelFile check(String who, Path file) {
        try {
            return new ModelFile(file, GgufHeader.read(file));
        } catch (GgufHeader.Unreadable e) {
            throw new ConfigException(e.gguf() ? Messages.damagedGguf(who, file, e.getMessage())
                    : Messages.notGguf(who, file, e.getMessage()));
        } catch (IOException e) {
            throw new LlmockException(Messages.unreadable(who, file, e.getClass().getSimpleName() + ": "
                    + e.getMessage()), e);
        }
    }
}

package dev.llmock.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * WireMock's root directory ({@code __files} and {@code mappings}) for {@code llmock serve}: a fresh temporary
 * directory, so that nothing is read from or written to the directory serve was started in.
 */
public final class WireMockRoot {
    private WireMockRoot() {
    }

    public static Path create() {
        try {
            return Files.createTempDirectory("llmock-serve-");
        } catch (IOException e) {
            throw new UncheckedIOException("llmock serve could not make a temporary directory for WireMock: "
                    + e.getMessage(), e);
        }
    }

    /** Deletes the directory and whatever WireMock put there; quietly, as serve stops. */
    public static void delete(Path root) {
        if (root == null || !Files.isDirectory(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a temporary directory left behind is the operating system's to clean
        }
    }
}

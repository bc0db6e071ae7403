package dev.llmock.cassette.internal;

import java.nio.file.Path;

/** Which names a cassette may have: a plain file name inside its directory, so that no name can reach outside it. */
public final class CassetteNames {
    private static final String EXTENSION = ".json";

    private CassetteNames() {
    }

    /** Whether {@code name} (without {@code .json}) is one a cassette can be opened by. */
    public static boolean valid(String name) {
        return !name.isBlank() && !name.contains("/") && !name.contains("\\") && !name.startsWith(".")
                && !name.contains("..");
    }

    /** The cassette name of a {@code .json} file: its file name without the extension. */
    public static String of(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(EXTENSION) ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
    }
}

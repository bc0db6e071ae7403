package dev.llmock.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example OpenAPI descriptions in {@code ../shared/openapi/} beside the project (or the folder in system property
 * {@value #PROPERTY} / environment variable {@value #ENVIRONMENT}).
 */
final class SharedOpenApi {
    static final String PROPERTY = "llmock.test.openapi";
    static final String ENVIRONMENT = "LLMOCK_TEST_OPENAPI";

    private SharedOpenApi() {
    }

    /** Every {@code .yaml}, {@code .yml} and {@code .json} file; skips the calling test when the folder is absent. */
    static List<Path> specs() {
        Path folder = locate();
        String given = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        assumeTrue(folder != null, "The OpenAPI examples were not found at "
                + (given == null || given.isBlank() ? "../shared/openapi/ beside the project" : given)
                + ". Point system property " + PROPERTY + " or environment variable " + ENVIRONMENT
                + " at their folder to run this test.");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().matches(".*\\.(yaml|yml|json)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        String given = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (given != null && !given.isBlank()) {
            Path path = Path.of(given);
            return Files.isDirectory(path) ? path : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("openapi");
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}

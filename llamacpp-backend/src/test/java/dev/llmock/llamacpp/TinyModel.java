package dev.llmock.llamacpp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds the 1.7 MB LLaMA model with random weights that tests run the real engine on: gibberish text, but real
 * tokenization, sampling, seeds, grammar and truncation. Tests that need it are skipped when it is not there.
 */
public final class TinyModel {
    /** System property naming a GGUF file for these tests: {@value}. */
    public static final String PROPERTY = "llmock.test.model";
    /** Environment variable naming a GGUF file for these tests: {@value}. */
    public static final String ENV = "LLMOCK_TEST_MODEL";
    static final String SHARED = "../shared/models/llama-2-tiny-random.gguf";

    private TinyModel() {
    }

    /** The model file, absolute; skips the calling test when there is none. */
    public static Path path() {
        Path found = find();
        assumeTrue(found != null, "No test model: " + SHARED + " (from the project root) is missing. Point the"
                + " system property " + PROPERTY + " or the environment variable " + ENV + " at a GGUF file, such"
                + " as llama-2-tiny-random.gguf, to run this test.");
        return found;
    }

    /** The model as a JSON string for {@code llmock.json}. */
    public static String json() {
        return "\"" + path().toString().replace("\\", "\\\\") + "\"";
    }

    private static Path find() {
        String named = System.getProperty(PROPERTY, System.getenv(ENV));
        if (named != null && !named.isBlank()) {
            Path file = Path.of(named).toAbsolutePath();
            return Files.isRegularFile(file) ? file : null;
        }
        // Tests run in the module's directory; the project root is its parent.
        Path here = Path.of("").toAbsolutePath();
        return Stream.of(here, here.getParent()).filter(dir -> dir != null)
                .map(dir -> dir.resolve(SHARED).normalize())
                .filter(Files::isRegularFile).findFirst().orElse(null);
    }
}

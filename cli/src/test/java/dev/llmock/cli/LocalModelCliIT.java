package dev.llmock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code llmock.jar} with provider {@code llamacpp} on a real model, run as a user runs it. Runs after
 * {@code package} (failsafe). java-llama.cpp leaves a native thread attached to the JVM, so this also proves that
 * the command ends by itself.
 */
class LocalModelCliIT {
    static final String SHAPE = "{\"name\":\"string\",\"age\":0,\"active\":true}";
    /** Only to stop a hung process: a command that has not ended by then never would. */
    static final long HANG_SECONDS = 300;

    @TempDir
    Path dir;

    @Test
    void generatePrintsThirtyDistinctValidRecordsFromTheLocalModelAndExitsByItself() throws Exception {
        Run run = generate("", SHAPE);

        assertThat(run.records()).hasSize(30);
        Set<JsonNode> distinct = new HashSet<>();
        run.records().forEach(record -> {
            assertThat(Shape.parse(SHAPE).validate(record)).as(record.toString()).isEmpty();
            distinct.add(record);
        });
        assertThat(distinct).hasSize(30);
        assertThat(run.stderr()).contains("loaded " + model());
    }

    /**
     * One-character names and a flag leave the tiny model few records to choose from, so some of its answers repeat
     * earlier records: the 30 records are distinct because those were asked for again, with their own seeds.
     */
    @Test
    void recordsThatRepeatOthersAreAskedForAgainUntilAllThirtyDiffer() throws Exception {
        String tight = "{\"name\":\"string\",\"active\":true}";
        Run run = generate("\"limits\":{\"maxStringLength\":1},", tight);

        assertThat(run.records()).hasSize(30);
        Set<JsonNode> distinct = new HashSet<>();
        run.records().forEach(record -> {
            assertThat(Shape.parse(tight).validate(record)).as(record.toString()).isEmpty();
            distinct.add(record);
        });
        assertThat(distinct).hasSize(30);
        assertThat(run.stderr()).contains("llmock: backend \"local\" gave ").contains(" records that repeat others;"
                + " asking again for ");
    }

    /** What one {@code llmock generate} printed. */
    private record Run(JsonNode records, String stderr) {
    }

    /** Runs {@code llmock generate --count 30} on the local model, {@code settings} added to llmock.json. */
    private Run generate(String settings, String shape) throws Exception {
        Path config = Files.writeString(dir.resolve("llmock.json"), "{" + settings + "\"backends\":[{\"name\":"
                + "\"local\",\"provider\":\"llamacpp\",\"model\":\"" + model().toString().replace("\\", "\\\\")
                + "\",\"contextSize\":4096,\"threads\":2,\"gpuLayers\":0,\"maxTokens\":2048}]}");
        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "llmock.jar").toAbsolutePath().toString(), "generate", "--config",
                config.toString(), "--backend", "local", "--shape", shape, "--count", "30")
                .directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();

        if (!process.waitFor(HANG_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("llmock generate did not exit by itself; stderr: " + Files.readString(err));
        }

        String stderr = Files.readString(err);
        assertThat(process.exitValue()).as(stderr).isZero();
        return new Run(Json.MAPPER.readTree(out.toFile()), stderr);
    }

    private static Path model() {
        String named = System.getProperty("llmock.test.model", System.getenv("LLMOCK_TEST_MODEL"));
        Path here = Path.of("").toAbsolutePath();
        Path found = named != null ? Path.of(named).toAbsolutePath() : Stream.of(here, here.getParent())
                .map(d -> d.resolve("../shared/models/llama-2-tiny-random.gguf").normalize())
                .filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(found != null && Files.isRegularFile(found), "No test model: ../shared/models/"
                + "llama-2-tiny-random.gguf (from the project root) is missing. Point the system property"
                + " llmock.test.model or the environment variable LLMOCK_TEST_MODEL at a GGUF file to run this test.");
        return found;
    }
}

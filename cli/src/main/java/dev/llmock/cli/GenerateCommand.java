package dev.llmock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code llmock generate}: records for a shape, to stdout or a .json/.jsonl file. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate records that fit a shape (with no configuration: the embedded synthetic generator).")
final class GenerateCommand implements Callable<Integer> {
    /** Below this many records no progress is shown. */
    static final int PROGRESS_THRESHOLD = 500;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ArgGroup(multiplicity = "1")
    private ShapeSource shapeSource;

    static final class ShapeSource {
        @Option(names = "--shape", paramLabel = "<json>", description = "An LLMockApi template or JSON Schema.")
        String inline;

        @Option(names = "--shape-file", paramLabel = "<file>", description = "A file holding the shape.")
        Path file;
    }

    @Option(names = {"-n", "--count"}, defaultValue = "1", description = "How many records (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = {"-b", "--backend"}, description = "Backend name from the configuration (default: the first enabled).")
    String backend;

    @Option(names = {"-c", "--config"}, paramLabel = "<llmock.json>",
            description = "Configuration file (default: -Dllmock.config, LLMOCK_CONFIG, or ./llmock.json if present).")
    Path config;

    @Option(names = {"-o", "--out"}, paramLabel = "<file>",
            description = "Write to this file: .jsonl gives one record per line, anything else a JSON array.")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for generated values (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--prompt", description = "Extra instructions for LLM backends.")
    String prompt;

    @Option(names = "--jsonl", description = "Print one record per line to stdout instead of a JSON array.")
    boolean jsonl;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr (a bar on a terminal, else plain lines).")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (count < 1) {
            throw new LlmockCommand.BadInputException("--count must be at least 1, but was " + count + ".");
        }
        Shape shape = Shape.parse(shapeText());
        FixtureRequest request = FixtureRequest.newBuilder().shape(shape).count(count).backend(backend).prompt(prompt)
                .label("llmock generate").build();
        ProgressBar progress = ProgressBar.on(spec.commandLine().getErr(), !quiet && count >= PROGRESS_THRESHOLD);
        Fixture fixture;
        try (Llmock llmock = Llmock.newBuilder().config(ConfigFile.load(config)).seed(seed).build()) {
            fixture = llmock.generate(request, progress);
        }
        progress.finish();
        JsonNode json = fixture.json();
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            write(json, stdout, jsonl);
            stdout.flush();
        } else {
            boolean lines = jsonl || out.getFileName().toString().endsWith(".jsonl");
            try (Writer writer = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                write(json, writer, lines);
            }
            spec.commandLine().getErr().println("llmock: wrote " + count + (count == 1 ? " record" : " records")
                    + " to " + out + " (" + fixture.provenance().summary() + ")");
        }
        return LlmockCommand.OK;
    }

    private String shapeText() throws IOException {
        if (shapeSource.inline != null) {
            return shapeSource.inline;
        }
        try {
            return Files.readString(shapeSource.file);
        } catch (NoSuchFileException e) {
            throw new LlmockCommand.BadInputException("The shape file " + shapeSource.file.toAbsolutePath()
                    + " does not exist.");
        }
    }

    private static void write(JsonNode json, Writer writer, boolean lines) throws IOException {
        if (lines) {
            ObjectWriter compact = Json.MAPPER.writer();
            for (JsonNode record : json.isArray() ? json : Json.MAPPER.createArrayNode().add(json)) {
                writer.write(compact.writeValueAsString(record));
                writer.write('\n');
            }
        } else {
            writer.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            writer.write('\n');
        }
    }
}

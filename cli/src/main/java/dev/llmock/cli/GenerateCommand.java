package dev.llmock.cli;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.Shape;
import dev.llmock.internal.FixtureAccess;
import java.io.IOException;
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
    /** Records generated and written at a time, so that memory stays the same for any count: {@value}. */
    static final int BLOCK = 10_000;
    /** The most records one run makes unless --max-count says otherwise: {@value}. */
    static final int DEFAULT_MAX_COUNT = 1_000_000;

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

    @Option(names = "--max-count", defaultValue = "" + DEFAULT_MAX_COUNT, paramLabel = "<n>",
            description = "The largest --count accepted (default: ${DEFAULT-VALUE}); records are made and written "
                    + BLOCK + " at a time, so memory stays the same.")
    int maxCount;

    @Override
    public Integer call() throws IOException {
        if (count < 1) {
            throw new LlmockCommand.BadInputException("--count must be at least 1, but was " + count + ".");
        }
        if (count > maxCount) {
            throw new LlmockCommand.BadInputException("--count " + count + " is more than the limit of " + maxCount
                    + " records (--max-count). Ask for fewer, or raise --max-count (records are made and written "
                    + BLOCK + " at a time, so memory stays the same).");
        }
        Shape shape = Shape.parse(shapeText());
        ProgressBar progress = ProgressBar.on(spec.commandLine().getErr(), !quiet && count >= PROGRESS_THRESHOLD);
        boolean lines = jsonl || (out != null && out.getFileName().toString().endsWith(".jsonl"));
        Fixture last;
        // the engine's cache would keep every block: a run never asks for the same records twice
        try (Llmock llmock = Llmock.newBuilder().config(ConfigFile.load(config)).seed(seed).cache(false).build();
             RecordStream records = RecordStream.open(out, spec.commandLine().getOut(), lines, count == 1)) {
            last = generateInBlocks(llmock, shape, progress, records);
        }
        progress.finish();
        if (out != null) {
            spec.commandLine().getErr().println("llmock: wrote " + count + (count == 1 ? " record" : " records")
                    + " to " + out + " (" + last.provenance().summary() + (count > BLOCK ? ", last of "
                    + blocks() + " blocks" : "") + ")");
        }
        return LlmockCommand.OK;
    }

    /**
     * Asks for the records {@value #BLOCK} at a time (block {@code b} as variant {@code b}, so the blocks differ and
     * a run is repeatable), each block written while the next is made; returns the last block's fixture.
     */
    private Fixture generateInBlocks(Llmock llmock, Shape shape, ProgressBar progress, RecordStream records)
            throws IOException {
        Fixture fixture = null;
        try (BlockWriter writer = new BlockWriter(records)) {
            for (int block = 0; block < blocks(); block++) {
                int done = block * BLOCK;
                int size = Math.min(BLOCK, count - done);
                FixtureRequest.Builder request = FixtureRequest.newBuilder().shape(shape).count(size).backend(backend)
                        .prompt(prompt).label("llmock generate");
                if (block > 0) {
                    request.variant(block);
                }
                fixture = llmock.generate(request.build(), (made, total) -> progress.progress(done + made, count));
                // the fixture's own tree, read only: a copy of each block would be thrown away once written
                writer.write(FixtureAccess.tree(fixture));
            }
            writer.finish();
        }
        return fixture;
    }

    private int blocks() {
        return (count + BLOCK - 1) / BLOCK;
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

}

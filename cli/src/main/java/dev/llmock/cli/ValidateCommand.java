package dev.llmock.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import dev.llmock.ShapeException;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code llmock validate}: checks records against a shape, as the engine checks generated data. Exit 0 when every
 * record fits, 1 when some do not (each with its violations and their JSON Pointers), 2 for bad input.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check records against a shape (a template or a JSON Schema) and list every violation.")
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--shape-file", required = true, paramLabel = "<file>",
            description = "A file holding the shape: an LLMockApi template or a JSON Schema.")
    Path shapeFile;

    @Option(names = "--data", required = true, paramLabel = "<file>",
            description = "The records: a .jsonl file (one per line) or a .json file (a JSON array of records, or"
                    + " one record).")
    Path data;

    @Option(names = "--assert-formats", description = "Treat a JSON Schema's \"format\" as an assertion (by default"
            + " draft 2019-09 and later make it an annotation).")
    boolean assertFormats;

    /** One record and where it was read. */
    private record Input(String where, JsonNode json) {
    }

    @Override
    public Integer call() throws IOException {
        Shape shape;
        try {
            shape = Shape.parse(read(shapeFile, "shape"));
        } catch (ShapeException e) {
            // The first line says what and where; the excerpt under it belongs to a terminal, not to this report.
            throw new LlmockCommand.BadInputException("The shape in " + shapeFile + " cannot be used: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (assertFormats) {
            shape = shape.assertingFormats();
        }
        List<Input> records = records(shape);
        PrintWriter out = spec.commandLine().getOut();
        int failing = 0;
        for (Input record : records) {
            List<Violation> violations = shape.validate(record.json());
            if (!violations.isEmpty()) {
                failing++;
                out.println(record.where() + ": " + violations.size()
                        + (violations.size() == 1 ? " violation" : " violations"));
                violations.forEach(violation -> out.println("  " + violation));
            }
        }
        String total = records.size() + (records.size() == 1 ? " record" : " records");
        out.println(failing == 0 ? "All " + total + " fit the shape." : failing + " of " + total
                + (failing == 1 ? " does" : " do") + " not fit the shape.");
        out.flush();
        return failing == 0 ? LlmockCommand.OK : LlmockCommand.FAILURE;
    }

    private List<Input> records(Shape shape) throws IOException {
        String text = read(data, "data");
        List<Input> records = new ArrayList<>();
        if (data.getFileName().toString().endsWith(".jsonl")) {
            String[] lines = text.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    records.add(new Input("line " + (i + 1), parse(lines[i], "line " + (i + 1) + " of " + data)));
                }
            }
            return records;
        }
        JsonNode json = parse(text, data.toString());
        // An array holds records, as `llmock generate` writes them, unless the shape itself describes an array.
        if (json.isArray() && !"array".equals(shape.toJsonSchema().path("type").asText())) {
            for (int i = 0; i < json.size(); i++) {
                records.add(new Input("record " + i, json.get(i)));
            }
        } else {
            records.add(new Input("record", json));
        }
        return records;
    }

    private static JsonNode parse(String text, String where) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String first = e.getOriginalMessage().lines().findFirst().orElse("");
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new LlmockCommand.BadInputException(where + " is not JSON" + (line > 1 ? " (line " + line + ")" : "")
                    + ": " + first + ".");
        }
    }

    private static String read(Path file, String what) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new LlmockCommand.BadInputException("The " + what + " file " + file.toAbsolutePath()
                    + " does not exist.");
        }
    }
}

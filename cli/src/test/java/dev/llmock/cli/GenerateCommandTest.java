package dev.llmock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
    private static final String USER = "{\"name\":\"string\",\"email\":\"email\",\"age\":0,"
            + "\"status\":\"active|inactive\"}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = LlmockCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void generatePrintsTheRequestedNumberOfValidRecordsWithNoConfiguration() throws Exception {
        int exit = run("generate", "--shape", USER, "--count", "5", "--config", writeConfig("{}").toString());

        assertThat(exit).isEqualTo(LlmockCommand.OK);
        JsonNode records = Json.MAPPER.readTree(out.toString());
        assertThat(records).hasSize(5);
        Shape shape = Shape.parse(USER);
        records.forEach(record -> assertThat(shape.validate(record)).isEmpty());
        assertThat(records.get(0).get("email").asText()).contains("@");
    }

    @Test
    void sameSeedGivesTheSameRecordsAndAnotherSeedOthers() throws Exception {
        run("generate", "--shape", USER, "--count", "3", "--seed", "7");
        String first = out.toString();
        out.getBuffer().setLength(0);
        run("generate", "--shape", USER, "--count", "3", "--seed", "7");
        String again = out.toString();
        out.getBuffer().setLength(0);
        run("generate", "--shape", USER, "--count", "3", "--seed", "8");

        assertThat(again).isEqualTo(first);
        assertThat(out.toString()).isNotEqualTo(first);
    }

    @Test
    void jsonlFileGetsOneRecordPerLine() throws Exception {
        Path file = dir.resolve("users.jsonl");

        int exit = run("generate", "--shape", USER, "--count", "600", "--out", file.toString());

        assertThat(exit).isEqualTo(LlmockCommand.OK);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(600);
        assertThat(Json.MAPPER.readTree(lines.get(599)).has("email")).isTrue();
        assertThat(err.toString()).contains("llmock: 600/600 records (100%)")
                .contains("wrote 600 records to " + file);
    }

    @Test
    void aFileHoldsInUtf8ExactlyWhatStdoutPrintsAsLinesOrAsAnArray() throws Exception {
        String shape = "{\"name\":\"string\",\"city\":\"Zürich|Köln|Łódź\"}";
        for (String format : List.of("jsonl", "json")) {
            out.getBuffer().setLength(0);
            Path file = dir.resolve("cities." + format);
            run("generate", "--shape", shape, "--count", "60", "--seed", "3", "--jsonl=" + format.equals("jsonl"));
            String printed = out.toString();

            int exit = run("generate", "--shape", shape, "--count", "60", "--seed", "3", "--out", file.toString());

            assertThat(exit).isEqualTo(LlmockCommand.OK);
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(format).isEqualTo(printed);
            assertThat(printed).contains("Zürich").contains("Łódź");
        }
    }

    @Test
    void withoutATerminalProgressIsPlainLinesWithoutCarriageReturns() throws Exception {
        int exit = run("generate", "--shape", USER, "--count", "1000", "--out", dir.resolve("users.json").toString());

        assertThat(exit).isEqualTo(LlmockCommand.OK);
        assertThat(err.toString()).doesNotContain("\r");
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).last().asString().startsWith("llmock: wrote 1000 records to ");
        assertThat(lines.subList(0, lines.size() - 1)).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("llmock: \\d+/1000 records \\(\\d+%\\).*"))
                .last().asString().startsWith("llmock: 1000/1000 records (100%), ");
    }

    @Test
    void shapeFileIsRead() throws Exception {
        Path shape = Files.writeString(dir.resolve("shape.json"), "{\"sku\":\"string\",\"price\":0.0}");

        int exit = run("generate", "--shape-file", shape.toString());

        assertThat(exit).isEqualTo(LlmockCommand.OK);
        JsonNode record = Json.MAPPER.readTree(out.toString());
        assertThat(record.get("sku").asText()).matches("[A-Z]{3}-[0-9]{5}");
    }

    @Test
    void malformedShapeExitsWithTwoAndSaysWhere() {
        int exit = run("generate", "--shape", "{\"name\": \"string\",}");

        assertThat(exit).isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(err.toString()).startsWith("llmock: Malformed shape at line 1, column 19: invalid JSON:")
                .contains("was expecting double-quote to start field name");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingShapeFileExitsWithTwo() {
        int exit = run("generate", "--shape-file", dir.resolve("nope.json").toString());

        assertThat(exit).isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(err.toString()).contains("The shape file " + dir.resolve("nope.json").toAbsolutePath()
                + " does not exist.");
    }

    @Test
    void badConfigurationExitsWithTwoNamingTheKey() throws Exception {
        Path config = writeConfig("{\"backends\":[{\"name\":\"fast\",\"provider\":\"gemini\"}]}");

        int exit = run("generate", "--shape", USER, "--config", config.toString());

        assertThat(exit).isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(err.toString()).contains("backends[0].provider is \"gemini\"; allowed values: [anthropic, llamacpp,"
                + " ollama, openai, synthetic]");
    }

    @Test
    void unknownOptionAndMissingShapeAreBadInput() {
        assertThat(run("generate", "--count", "2")).isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(err.toString()).contains("Missing required argument");
        assertThat(run("generate", "--shape", USER, "--count", "0")).isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(err.toString()).contains("--count must be at least 1, but was 0.");
    }

    @Test
    void unknownBackendNameWithAConfigurationIsAFailureListingTheNames() throws Exception {
        Path config = writeConfig("{\"backends\":[{\"name\":\"fast\",\"provider\":\"synthetic\"}]}");

        int exit = run("generate", "--shape", USER, "--backend", "premium", "--config", config.toString());

        assertThat(exit).isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(err.toString()).contains("No backend named \"premium\" in " + config
                + "; configured: [fast, synthetic].");
    }

    private Path writeConfig(String json) throws Exception {
        return Files.writeString(dir.resolve("llmock.json"), json);
    }

    @Test
    void aCountAboveTheLimitIsBadInputNamingTheLimitBeforeAnythingIsMade() {
        int exit = run("generate", "--shape", USER, "--count", "1000000000");

        assertThat(exit).isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("llmock: --count 1000000000 is more than the limit of 1000000 records"
                + " (--max-count). Ask for fewer, or raise --max-count (records are made and written 10000 at a time,"
                + " so memory stays the same)." + System.lineSeparator());
    }

    @Test
    void manyRecordsAreMadeAndWrittenBlockByBlockIntoOneArray() throws Exception {
        Path file = dir.resolve("users.json");

        int exit = run("generate", "--shape", USER, "--count", "25000", "--out", file.toString(), "-q");

        assertThat(exit).isEqualTo(LlmockCommand.OK);
        JsonNode records = Json.MAPPER.readTree(file.toFile());
        assertThat(records).hasSize(25_000);
        Shape shape = Shape.parse(USER);
        assertThat(records).allMatch(record -> shape.validate(record).isEmpty());
        assertThat(records.get(0)).isNotEqualTo(records.get(10_000)).isNotEqualTo(records.get(20_000));
        assertThat(err.toString()).endsWith("last of 3 blocks)" + System.lineSeparator());
    }

    @Test
    void credentialsInABackendUrlNeverReachTheMessage() throws Exception {
        Path config = writeConfig("{\"retry\":{\"maxAttempts\":1},\"backends\":[{\"name\":\"remote\","
                + "\"provider\":\"openai\",\"model\":\"m\","
                + "\"baseUrl\":\"http://ada:s3cret@127.0.0.1:9/v1?key=SECRETKEY&api_key=ALSOSECRET\"}]}");

        int exit = run("generate", "--shape", USER, "--backend", "remote", "--config", config.toString());

        assertThat(exit).isEqualTo(LlmockCommand.FAILURE);
        assertThat(err.toString()).contains("http://<redacted>@127.0.0.1:9/v1").contains("key=<redacted>")
                .doesNotContain("s3cret").doesNotContain("SECRETKEY").doesNotContain("ALSOSECRET");
    }
}

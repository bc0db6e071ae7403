package dev.llmock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
    private static final String CUSTOMER = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
            + "\"type\":\"object\",\"properties\":{\"email\":{\"type\":\"string\",\"format\":\"email\"},"
            + "\"age\":{\"type\":\"integer\",\"minimum\":18}},\"required\":[\"email\",\"age\"]}";

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

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void exitsZeroWhenEveryRecordOfAJsonlFileFits() throws Exception {
        Path shape = file("customer.json", CUSTOMER);
        Path data = file("customers.jsonl", "{\"email\":\"a@b.co\",\"age\":30}\n\n{\"email\":\"c@d.co\",\"age\":18,"
                + "\"extra\":true}\n");

        int exit = run("validate", "--shape-file", shape.toString(), "--data", data.toString());

        assertThat(exit).isEqualTo(LlmockCommand.OK);
        assertThat(out.toString()).isEqualTo("All 2 records fit the shape.\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void exitsOneAndPrintsEachFailingRecordWithTheJsonPointersOfItsViolations() throws Exception {
        Path shape = file("customer.json", CUSTOMER);
        Path data = file("customers.json", "[{\"email\":\"a@b.co\",\"age\":30},{\"age\":17},{\"email\":7,\"age\":40}]");

        int exit = run("validate", "--shape-file", shape.toString(), "--data", data.toString());

        assertThat(exit).isEqualTo(LlmockCommand.FAILURE);
        assertThat(out.toString()).isEqualTo("""
                record 1: 2 violations
                  /age: number 17 is below the minimum 18
                  /email: missing required property "email"
                record 2: 1 violation
                  /email: expected string but was number 7
                2 of 3 records do not fit the shape.
                """);
    }

    @Test
    void assertsFormatsOnlyWhenAsked() throws Exception {
        Path shape = file("customer.json", CUSTOMER);
        Path data = file("customer.json.jsonl", "{\"email\":\"not an email\",\"age\":30}\n");

        assertThat(run("validate", "--shape-file", shape.toString(), "--data", data.toString()))
                .isEqualTo(LlmockCommand.OK);
        out.getBuffer().setLength(0);
        assertThat(run("validate", "--shape-file", shape.toString(), "--data", data.toString(), "--assert-formats"))
                .isEqualTo(LlmockCommand.FAILURE);
        assertThat(out.toString()).isEqualTo("""
                line 1: 1 violation
                  /email: string "not an email" is not a valid email
                1 of 1 record does not fit the shape.
                """);
    }

    @Test
    void validatesATemplateByItsOwnRules() throws Exception {
        Path shape = file("user.json", "{\"name\":\"string\",\"age\":0}");
        Path data = file("user.json.data.json", "{\"name\":\"Ann\",\"age\":3,\"extra\":1}");

        assertThat(run("validate", "--shape-file", shape.toString(), "--data", data.toString()))
                .isEqualTo(LlmockCommand.FAILURE);
        assertThat(out.toString()).isEqualTo("""
                record: 1 violation
                  /extra: unexpected property "extra"; the shape allows only [name, age]
                1 of 1 record does not fit the shape.
                """);
    }

    @Test
    void exitsTwoWithOneLineAndNoStackTraceForAMissingFileMalformedDataOrAMalformedShape() throws Exception {
        Path shape = file("customer.json", CUSTOMER);
        Path broken = file("broken.jsonl", "{\"email\":\"a@b.co\",\"age\":30}\n{\"email\":\n");
        Path badShape = file("bad-shape.json", "{\"name\": \"string\",}");

        assertThat(run("validate", "--shape-file", shape.toString(), "--data", dir.resolve("none.json").toString()))
                .isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(run("validate", "--shape-file", shape.toString(), "--data", broken.toString()))
                .isEqualTo(LlmockCommand.BAD_INPUT);
        assertThat(run("validate", "--shape-file", badShape.toString(), "--data", broken.toString()))
                .isEqualTo(LlmockCommand.BAD_INPUT);

        assertThat(err.toString().lines()).containsExactly(
                "llmock: The data file " + dir.resolve("none.json").toAbsolutePath() + " does not exist.",
                "llmock: line 2 of " + broken + " is not JSON: Unexpected end-of-input within/between Object"
                        + " entries.",
                "llmock: The shape in " + badShape + " cannot be used: Malformed shape at line 1, column 19:"
                        + " invalid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start"
                        + " field name.");
        assertThat(out.toString()).isEmpty();
    }
}

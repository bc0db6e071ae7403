package dev.llmock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class BlockWriterTest {
    private static JsonNode block(String json) throws IOException {
        return Json.MAPPER.readTree(json);
    }

    @Test
    void blocksAreWrittenInTheOrderTheyCame() throws IOException {
        StringWriter out = new StringWriter();
        try (RecordStream records = RecordStream.open(null, out, true, false);
             BlockWriter writer = new BlockWriter(records)) {
            for (int b = 0; b < 5; b++) {
                writer.write(block("[{\"n\":" + (2 * b) + "},{\"n\":" + (2 * b + 1) + "}]"));
            }
            writer.finish();
        }

        assertThat(out.toString()).isEqualTo("{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n{\"n\":4}\n{\"n\":5}\n"
                + "{\"n\":6}\n{\"n\":7}\n{\"n\":8}\n{\"n\":9}\n");
    }

    @Test
    void aFailedWriteIsReportedByTheNextBlockOrTheFinish() throws IOException {
        Writer full = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        RecordStream records = RecordStream.open(null, full, true, false);
        try (BlockWriter writer = new BlockWriter(records)) {
            writer.write(block("[{\"n\":1}]"));

            assertThatThrownBy(writer::finish).isInstanceOf(IOException.class).hasMessage("No space left on device");
        }
    }
}

package dev.llmock.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.internal.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes generated records as they come, block by block: one compact record per line (JSON Lines), or one pretty JSON
 * array (a single record as itself), without holding more than the block being written.
 */
final class RecordStream implements AutoCloseable {
    private final Writer writer;
    private final boolean closeWriter;
    private final boolean lines;
    private final JsonGenerator array;

    private RecordStream(Writer writer, boolean closeWriter, boolean lines, boolean single) throws IOException {
        this.writer = writer;
        this.closeWriter = closeWriter;
        this.lines = lines;
        if (lines || single) {
            this.array = null;
        } else {
            this.array = Json.MAPPER.getFactory().createGenerator(writer)
                    .setPrettyPrinter(new DefaultPrettyPrinter())
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            array.writeStartArray();
        }
    }

    /** To {@code file} when given (created or replaced), else to {@code stdout}. */
    static RecordStream open(Path file, Writer stdout, boolean lines, boolean single) throws IOException {
        if (file == null) {
            return new RecordStream(stdout, false, lines, single);
        }
        return new RecordStream(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)), true,
                lines, single);
    }

    /** Writes one block: an array of records, or one record. */
    void write(JsonNode block) throws IOException {
        Iterable<JsonNode> records = block.isArray() ? block : List.of(block);
        if (lines) {
            for (JsonNode record : records) {
                writer.write(Json.MAPPER.writeValueAsString(record));
                writer.write('\n');
            }
        } else if (array == null) {
            writer.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(block));
            writer.write('\n');
        } else {
            for (JsonNode record : records) {
                Json.MAPPER.writeTree(array, record);
            }
            array.flush();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (array != null) {
                array.writeEndArray();
                array.close();
                writer.write('\n');
            }
            writer.flush();
        } finally {
            if (closeWriter) {
                writer.close();
            }
        }
    }
}

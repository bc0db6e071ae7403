package dev.llmock.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.llmock.internal.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes generated records as they come, block by block, through one Jackson generator: one compact record per line
 * (JSON Lines), or one pretty JSON array (a single record as itself), without holding more than the block being
 * written. A file gets UTF-8 bytes straight from the generator; stdout gets characters.
 */
final class RecordStream implements AutoCloseable {
    /** Bytes buffered before a file is written to: {@value}. */
    static final int FILE_BUFFER = 1 << 16;
    /** Writes a record into the generator without flushing it (the mapper's default flushes after every value). */
    private static final ObjectWriter RECORD = Json.MAPPER.writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final JsonGenerator json;
    private final boolean lines;
    private final boolean single;

    private RecordStream(JsonGenerator json, boolean lines, boolean single) throws IOException {
        this.json = json;
        this.lines = lines;
        this.single = single;
        if (lines) {
            // each record ends its own line: no separator of Jackson's between them
            json.setRootValueSeparator(null);
        } else {
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            if (!single) {
                json.writeStartArray();
            }
        }
    }

    /** To {@code file} when given (created or replaced), else to {@code stdout}, which stays open. */
    static RecordStream open(Path file, Writer stdout, boolean lines, boolean single) throws IOException {
        if (file == null) {
            return new RecordStream(Json.MAPPER.getFactory().createGenerator(stdout)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET), lines, single);
        }
        return new RecordStream(Json.MAPPER.getFactory().createGenerator(
                new BufferedOutputStream(Files.newOutputStream(file), FILE_BUFFER)), lines, single);
    }

    /** Writes one block: an array of records, or one record. */
    void write(JsonNode block) throws IOException {
        if (lines) {
            for (JsonNode record : block.isArray() ? block : List.of(block)) {
                RECORD.writeValue(json, record);
                json.writeRaw('\n');
            }
        } else if (single) {
            RECORD.writeValue(json, block);
            json.writeRaw('\n');
        } else {
            for (JsonNode record : block.isArray() ? block : List.of(block)) {
                RECORD.writeValue(json, record);
            }
        }
        json.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            if (!lines && !single) {
                json.writeEndArray();
                json.writeRaw('\n');
            }
            json.flush();
        } finally {
            json.close();
        }
    }
}

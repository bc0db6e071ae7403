package dev.llmock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the blocks of a long run on a thread of its own, one at a time and in order, so that the engine makes the next
 * block while the last is written; at most two blocks are held at once, so memory stays the same for any count.
 */
final class BlockWriter implements AutoCloseable {
    private final RecordStream records;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread writer = new Thread(task, "llmock-block-writer");
        writer.setDaemon(true);
        return writer;
    });
    private Future<?> pending;

    BlockWriter(RecordStream records) {
        this.records = records;
    }

    /** Waits for the block before (and fails with its error), then starts writing {@code block}. */
    void write(JsonNode block) throws IOException {
        finish();
        pending = thread.submit(() -> {
            try {
                records.write(block);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Waits until every block handed over is written; throws the writing's error. */
    void finish() throws IOException {
        if (pending == null) {
            return;
        }
        Future<?> last = pending;
        pending = null;
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while writing records", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * Lets a block still being written finish (when making a later block failed, that failure is the one reported),
     * then stops the thread: nothing writes to the stream once this returns.
     */
    @Override
    public void close() {
        try {
            finish();
        } catch (IOException | RuntimeException e) {
            // the caller is already failing with an error of its own, or has seen this one from finish()
        } finally {
            thread.shutdown();
        }
    }
}

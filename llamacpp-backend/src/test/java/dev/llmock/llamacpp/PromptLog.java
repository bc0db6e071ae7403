package dev.llmock.llamacpp;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The prompts the model is given, as the {@code llamacpp} provider logs them at TRACE, until closed. */
final class PromptLog extends Handler implements AutoCloseable {
    /** The logger the provider writes each prompt to. */
    static final String LOGGER = "dev.llmock.prompts";
    private final Logger logger = Logger.getLogger(LOGGER);
    private final Level previous;
    private final List<String> prompts = new ArrayList<>();

    PromptLog() {
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        prompts.add(record.getMessage());
    }

    synchronized List<String> prompts() {
        return List.copyOf(prompts);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}

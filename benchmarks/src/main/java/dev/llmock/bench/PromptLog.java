package dev.llmock.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model calls llmock makes, read from its prompt log ({@code dev.llmock.prompts} at TRACE, which the JDK's
 * logging calls FINER): each call's seed and prompt.
 */
final class PromptLog {
    private static final String LOGGER = "dev.llmock.prompts";
    private static final Pattern CALL = Pattern.compile("seed (\\d+), prompt:\\n(.*)", Pattern.DOTALL);

    /** One logged model call. */
    record Call(int seed, String prompt) {
    }

    private PromptLog() {
    }

    /** Runs {@code action} with the prompt log on and returns the calls it logged, in order. */
    static List<Call> capture(Runnable action) {
        Logger prompts = Logger.getLogger(LOGGER);
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                Matcher call = CALL.matcher(record.getMessage());
                if (call.find()) {
                    calls.add(new Call(Integer.parseInt(call.group(1)), call.group(2)));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        Level before = prompts.getLevel();
        prompts.setLevel(Level.ALL);
        prompts.addHandler(handler);
        try {
            action.run();
        } finally {
            prompts.removeHandler(handler);
            prompts.setLevel(before);
        }
        return List.copyOf(calls);
    }
}

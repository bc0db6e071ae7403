package dev.llmock.cli.internal;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/** A {@link System.Logger} that prints each record's message, and a failure's stack trace, as lines on stderr. */
final class ConsoleLogger implements System.Logger {
    private final String name;
    private final Level threshold;
    /** Looked up per record, so that a replaced {@code System.err} is used. */
    private final Supplier<PrintStream> out;

    ConsoleLogger(String name, Level threshold, Supplier<PrintStream> out) {
        this.name = name;
        this.threshold = threshold;
        this.out = out;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return level != Level.OFF && threshold != Level.OFF && level.getSeverity() >= threshold.getSeverity();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (!isLoggable(level)) {
            return;
        }
        PrintStream stream = out.get();
        synchronized (stream) {
            stream.println(localized(bundle, message));
            if (thrown != null) {
                thrown.printStackTrace(stream);
            }
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (!isLoggable(level)) {
            return;
        }
        String pattern = localized(bundle, format);
        out.get().println(params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params));
    }

    private static String localized(ResourceBundle bundle, String key) {
        return bundle != null && key != null && bundle.containsKey(key) ? bundle.getString(key) : key;
    }
}

package dev.llmock.cli.internal;

import java.lang.System.Logger.Level;

/**
 * How the {@code llmock} command line prints log records: one line per record on stderr, the message alone (as a
 * command line tool should), from {@link Level#INFO} up unless {@value #LEVEL_PROPERTY} says otherwise. llmock logs
 * through {@link System.Logger} only; the JDK finds this finder through {@code META-INF/services}, which only the
 * command line's jar carries, so libraries users put on a test classpath keep whatever logging the user routes to.
 */
public final class ConsoleLoggerFinder extends System.LoggerFinder {
    /** System property naming the lowest level printed ({@code DEBUG}, {@code INFO}, {@code WARNING}, ...): {@value}. */
    public static final String LEVEL_PROPERTY = "llmock.log.level";

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new ConsoleLogger(name, threshold(System.getProperty(LEVEL_PROPERTY)), () -> System.err);
    }

    /** The level named by {@code text}, ignoring case; {@link Level#INFO} for none or an unknown name. */
    static Level threshold(String text) {
        if (text != null) {
            for (Level level : Level.values()) {
                if (level.name().equalsIgnoreCase(text.trim())) {
                    return level;
                }
            }
        }
        return Level.INFO;
    }
}

package dev.llmock.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleLoggerTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void theCommandLinesJarMakesItTheJvmsSystemLoggerFinder() {
        assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(ConsoleLoggerFinder.class);
        assertThat(System.getLogger("dev.llmock.backend")).isInstanceOf(ConsoleLogger.class);
    }

    @Test
    void aRecordIsItsMessageAloneOnOneLineWithAFailuresStackTraceAfterIt() {
        System.Logger logger = new ConsoleLogger("dev.llmock", Level.INFO, () -> stream);

        logger.log(Level.INFO, "llmock: no llmock.json found");
        logger.log(Level.WARNING, "llmock: backend {0} answered {1}", "fast", 503);
        logger.log(Level.WARNING, "llmock: unexpected failure", new IllegalStateException("boom"));

        assertThat(printed()).startsWith("llmock: no llmock.json found\n"
                + "llmock: backend fast answered 503\n"
                + "llmock: unexpected failure\n"
                + "java.lang.IllegalStateException: boom\n\tat ");
    }

    @Test
    void recordsBelowTheThresholdAreNotPrinted() {
        System.Logger logger = new ConsoleLogger("dev.llmock", ConsoleLoggerFinder.threshold(null), () -> stream);

        logger.log(Level.DEBUG, "retrying");
        logger.log(Level.TRACE, "details");

        assertThat(printed()).isEmpty();
        assertThat(logger.isLoggable(Level.INFO)).isTrue();
        assertThat(new ConsoleLogger("x", ConsoleLoggerFinder.threshold("debug"), () -> stream)
                .isLoggable(Level.DEBUG)).isTrue();
        assertThat(new ConsoleLogger("x", ConsoleLoggerFinder.threshold("OFF"), () -> stream)
                .isLoggable(Level.ERROR)).isFalse();
        assertThat(ConsoleLoggerFinder.threshold("loud")).isEqualTo(Level.INFO);
    }
}

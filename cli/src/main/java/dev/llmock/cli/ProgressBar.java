package dev.llmock.cli;

import dev.llmock.ProgressListener;
import dev.llmock.Setting;
import dev.llmock.SettingResolver;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of a large {@code llmock generate} on stderr. On a terminal, one bar redrawn with a carriage return, with
 * the rate and the time left; elsewhere (a CI log, a file), plain lines, one each time another tenth is done or
 * {@value #LINE_EVERY_SECONDS} seconds have passed, so no {@code \r} ends up in a log. Silent when disabled.
 */
final class ProgressBar implements ProgressListener {
    /** How progress is drawn. */
    enum Style {
        /** A bar on a terminal, lines elsewhere. */
        AUTO,
        /** One bar redrawn in place. */
        BAR,
        /** A plain line now and then. */
        LINES
    }

    /** {@code auto}, {@code bar} or {@code lines}: system property {@code llmock.progress}, env {@code LLMOCK_PROGRESS}. */
    static final Setting<Style> STYLE = Setting.<Style>newBuilder()
            .property("llmock.progress")
            .env("LLMOCK_PROGRESS")
            .parser((text, source) -> Style.valueOf(text.toUpperCase(Locale.ROOT)), "auto, bar or lines")
            .defaultValue(Style.AUTO)
            .build();
    /** Without a terminal, a line at least this often while records keep coming: {@value}. */
    static final long LINE_EVERY_SECONDS = 10;

    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private final boolean bar;
    private final LongSupplier nanoTime;
    private long started = -1;
    /** The bar: the percentage drawn last, -1 before the first. */
    private int lastPercent = -1;
    /** The lines: when the last was printed, and what it said. */
    private long lastLine;
    private int linePercent;
    private int lineDone;

    /**
     * @param bar      whether to draw a bar (a terminal) rather than lines
     * @param nanoTime the clock the rate and time left are measured with
     */
    ProgressBar(PrintWriter err, boolean enabled, boolean bar, LongSupplier nanoTime) {
        this.err = err;
        this.enabled = enabled;
        this.bar = bar;
        this.nanoTime = nanoTime;
    }

    /** A bar when {@link #STYLE} says so, or says {@code auto} and stderr looks like a terminal; lines otherwise. */
    static ProgressBar on(PrintWriter err, boolean enabled) {
        Style style = SettingResolver.system().get(STYLE);
        return new ProgressBar(err, enabled, style == Style.BAR || style == Style.AUTO && onTerminal(),
                System::nanoTime);
    }

    /**
     * Whether the console is a terminal. {@code System.console()} is null without one up to JDK 21; from JDK 22 it
     * is there even when the output is redirected, and {@code Console.isTerminal()} tells.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22 a console is a terminal
        }
    }

    @Override
    public synchronized void progress(int done, int total) {
        if (!enabled || total <= 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (started < 0) {
            started = now;
            lastLine = now;
        }
        int percent = (int) (100L * done / total);
        if (bar) {
            if (percent != lastPercent) {
                lastPercent = percent;
                int filled = WIDTH * percent / 100;
                err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% " + done + "/"
                        + total + rateAndTimeLeft(done, total, now));
                err.flush();
            }
            return;
        }
        boolean nextTenth = percent / 10 > linePercent / 10;
        boolean quietTooLong = done > lineDone && now - lastLine >= TimeUnit.SECONDS.toNanos(LINE_EVERY_SECONDS);
        if (nextTenth || quietTooLong) {
            linePercent = percent;
            lineDone = done;
            lastLine = now;
            err.println("llmock: " + done + "/" + total + " records (" + percent + "%)"
                    + rateAndTimeLeft(done, total, now));
            err.flush();
        }
    }

    /** {@code ", 1234 records/s, 7s left"}; empty before any time has passed to measure. */
    private String rateAndTimeLeft(int done, int total, long now) {
        long elapsed = now - started;
        if (elapsed <= 0 || done <= 0) {
            return "";
        }
        double perSecond = done * 1e9 / elapsed;
        String text = String.format(Locale.ROOT, perSecond < 10 ? ", %.1f records/s" : ", %.0f records/s", perSecond);
        if (done < total) {
            text += ", " + duration(Math.round((total - done) / perSecond)) + " left";
        }
        return text;
    }

    private static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        return seconds < 3600 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    synchronized void finish() {
        if (enabled && bar && lastPercent >= 0) {
            err.println();
            err.flush();
        }
    }
}

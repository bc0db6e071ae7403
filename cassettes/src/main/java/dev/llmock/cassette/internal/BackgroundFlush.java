package dev.llmock.cassette.internal;

import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes newly recorded entries soon after they are made, batched: the first recording after a write schedules one
 * save {@code delay} later on a shared daemon thread, and everything recorded until then goes with it. A process
 * killed mid-run ({@code kill -9}, a crashed test JVM) so loses at most the last {@code delay}. A failed write is
 * logged once per distinct problem and tried again with the next recording; the session's own save reports it too.
 */
final class BackgroundFlush {
    private static final System.Logger LOG = System.getLogger(BackgroundFlush.class.getName());
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "llmock-cassette-flush");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration delay;
    private final Path path;
    private final MergeOnSave merge;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicReference<String> lastProblem = new AtomicReference<>();

    BackgroundFlush(Duration delay, Path path, MergeOnSave merge) {
        this.delay = delay;
        this.path = path;
        this.merge = merge;
    }

    /** An entry was recorded: makes sure a write follows within the delay. */
    void recorded() {
        if (delay.isZero() || !scheduled.compareAndSet(false, true)) {
            return;
        }
        SCHEDULER.schedule(this::flush, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void flush() {
        scheduled.set(false);
        if (!directoryCanBeMade()) {
            return;
        }
        try {
            merge.save();
            lastProblem.set(null);
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastProblem.getAndSet(String.valueOf(e.getMessage())))) {
                LOG.log(Level.WARNING, "llmock: " + e.getMessage());
            }
        }
    }

    /**
     * A background write makes at most the cassette's own directory: when even its parent is gone (a test's
     * temporary directory, deleted), nobody waits for the file, and a write would bring the deleted tree back.
     */
    private boolean directoryCanBeMade() {
        Path directory = path.toAbsolutePath().getParent();
        return directory == null || Files.isDirectory(directory)
                || (directory.getParent() != null && Files.isDirectory(directory.getParent()));
    }
}

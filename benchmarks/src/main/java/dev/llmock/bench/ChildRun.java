package dev.llmock.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One timed run of a child process: when the first byte {@code marker} appeared on its stdout, when it ended, its
 * peak resident memory (when asked for), and its stdout (the first MiB). Times are from just before the process is
 * started, so both sides of a pair pay the same fork and exec.
 */
record ChildRun(double firstMarkerMillis, double exitMillis, long peakRssKib, String stdoutHead) {
    private static final int HEAD = 1 << 20;

    /** Starts {@code command}, reads its stdout to the end, waits for it; fails unless it exits with 0. */
    static ChildRun of(List<String> command, char marker, boolean watchMemory, long timeoutSeconds) {
        try {
            Path stderr = Files.createTempFile("llmock-bench-child", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            long start = System.nanoTime();
            Process process = builder.start();
            process.getOutputStream().close();
            StdoutReader reader = new StdoutReader(process.getInputStream(), (byte) marker);
            Thread readerThread = new Thread(reader, "child-stdout");
            readerThread.start();
            long peak = 0;
            long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (!process.waitFor(watchMemory ? 20 : 1_000, TimeUnit.MILLISECONDS)) {
                if (watchMemory) {
                    peak = Math.max(peak, peakRssKib(process.pid()));
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Timed out after " + timeoutSeconds + " s: " + command);
                }
            }
            long end = System.nanoTime();
            readerThread.join();
            String errors = Files.readString(stderr);
            Files.delete(stderr);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Exit " + process.exitValue() + " from " + command + ":\n" + errors);
            }
            double first = reader.markerAt == 0 ? Double.NaN : (reader.markerAt - start) / 1e6;
            return new ChildRun(first, (end - start) / 1e6, peak, reader.head());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * VmHWM of a live process: the kernel's high-water mark of its resident set, so polling it misses nothing that
     * happened before the last poll. 0 when it has ended or the platform has no /proc.
     */
    private static long peakRssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        return 0;
    }

    /** Reads a child's stdout to the end, noting when {@code marker} first came and keeping the first bytes. */
    private static final class StdoutReader implements Runnable {
        private final InputStream in;
        private final byte marker;
        private final byte[] head = new byte[HEAD];
        private int headLength;
        private volatile long markerAt;

        StdoutReader(InputStream in, byte marker) {
            this.in = in;
            this.marker = marker;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[65_536];
            try (in) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    if (markerAt == 0) {
                        for (int i = 0; i < read; i++) {
                            if (buffer[i] == marker) {
                                markerAt = System.nanoTime();
                                break;
                            }
                        }
                    }
                    int keep = Math.min(read, HEAD - headLength);
                    System.arraycopy(buffer, 0, head, headLength, keep);
                    headLength += keep;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String head() {
            return new String(head, 0, headLength, StandardCharsets.UTF_8);
        }
    }
}

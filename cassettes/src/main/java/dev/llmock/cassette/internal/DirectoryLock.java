package dev.llmock.cassette.internal;

import dev.llmock.LlmockException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock that writers of one cassette directory share: a {@link ReentrantLock} per directory within this JVM and a
 * {@link FileLock} on the hidden file {@value #FILE_NAME} in the directory across processes. The directory is named by
 * its real path ({@link Path#toRealPath}), so every JVM, whatever its temp directory and whichever symbolic link it
 * came through, locks the same file. The lock file is made writable by everyone (several OS users may record into one
 * directory) and never deleted: deleting it while another process waits on it would let two writers in. Its text
 * names the current holder, so a writer that gives up can say who held the lock.
 */
final class DirectoryLock {
    /** The lock file in each cassette directory: {@value}. */
    static final String FILE_NAME = ".llmock.lock";

    /**
     * The locked region lies past the text naming the holder, so that the text stays readable on systems whose file
     * locks are mandatory.
     */
    private static final long REGION = 1L << 32;
    private static final long FIRST_WAIT_MILLIS = 5;
    private static final long LONGEST_WAIT_MILLIS = 200;
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private DirectoryLock() {
    }

    /**
     * Locks {@code directory} (a real path) for {@code cassette}, waiting up to {@code timeout}.
     *
     * @throws LlmockException naming the lock file and its holder when the lock is not had in time
     */
    static Held acquire(Path directory, Path cassette, Duration timeout) throws IOException {
        Path lockFile = directory.resolve(FILE_NAME);
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        try {
            if (!jvmLock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new LlmockException(Messages.lockTimeout(cassette, lockFile, timeout, "another thread of this JVM"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmockException(Messages.lockInterrupted(cassette, lockFile), e);
        }
        FileChannel channel = null;
        try {
            channel = open(lockFile);
            FileLock held = waitFor(channel, deadline);
            if (held == null) {
                throw new LlmockException(Messages.lockTimeout(cassette, lockFile, timeout, holder(lockFile)));
            }
            name(channel, cassette);
            return new Held(jvmLock, channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            jvmLock.unlock();
            throw e;
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        try {
            Files.createFile(lockFile);
            shareWithEveryone(lockFile);
        } catch (FileAlreadyExistsException e) {
            // made by an earlier writer
        }
        try {
            return FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new LlmockException(Messages.lockNotWritable(lockFile), e);
        }
    }

    /** Everyone may lock: the lock file is the only thing several OS users recording here must all write. */
    private static void shareWithEveryone(Path lockFile) {
        try {
            Files.setPosixFilePermissions(lockFile, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its own access rules apply
        }
    }

    private static FileLock waitFor(FileChannel channel, long deadline) throws IOException {
        long wait = FIRST_WAIT_MILLIS;
        while (true) {
            FileLock lock = channel.tryLock(REGION, 1, false);
            if (lock != null) {
                return lock;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return null;
            }
            try {
                Thread.sleep(Math.min(wait, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lock", e);
            }
            wait = Math.min(LONGEST_WAIT_MILLIS, wait * 2);
        }
    }

    /** Writes who holds the lock now, for writers that wait in vain. */
    private static void name(FileChannel channel, Path cassette) throws IOException {
        String text = "pid " + ProcessHandle.current().pid() + " (user " + System.getProperty("user.name")
                + ") since " + Clock.systemUTC().instant() + ", writing " + cassette + "\n";
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
    }

    private static String holder(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process" : text.lines().findFirst().orElse(text);
        } catch (IOException e) {
            return "another process";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases the lock; nothing else to do
            }
        }
    }

    /** A held lock; closing it releases both the file lock and the JVM lock. */
    static final class Held implements AutoCloseable {
        private final ReentrantLock jvmLock;
        private final FileChannel channel;

        private Held(ReentrantLock jvmLock, FileChannel channel) {
            this.jvmLock = jvmLock;
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                closeQuietly(channel);
            } finally {
                jvmLock.unlock();
            }
        }
    }
}

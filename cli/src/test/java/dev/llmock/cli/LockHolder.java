package dev.llmock.cli;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in its own JVM by {@link CassettesCommandTest}: holds a lock on the whole of the given lock file, says
 * {@code locked}, and keeps it until its standard input closes, as another llmock writing there would.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " (a test holding the lock)\n")
                    .getBytes(StandardCharsets.UTF_8)));
            try (FileLock held = channel.lock()) {
                System.out.println("locked");
                System.out.flush();
                System.in.read();
            }
        }
    }
}

package dev.llmock.cassette.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.LlmockException;
import dev.llmock.cassette.CorruptCassetteException;
import dev.llmock.internal.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One cassette file on disk: reads it, and changes it atomically under a lock.
 *
 * <p>The file is {@code {"version": 1, "entries": {"<key>": {...}, ...}}}, entries sorted by key, pretty-printed with
 * {@code \n} line ends on every platform. A change re-reads the file under an exclusive lock (a {@link ReentrantLock}
 * per path within this JVM, a {@link FileLock} on the sibling {@code <file>.lock} across JVMs), applies the change to
 * what is on disk now, writes a temporary file in the same directory, forces it to disk and moves it over the
 * original with {@code ATOMIC_MOVE}. Readers therefore see the old file or the new one, never a part; a crash leaves
 * at most a temporary file, which the next change removes (temporary files exist only while the lock is held).
 */
final class CassetteFile {
    static final int FORMAT_VERSION = 1;

    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectWriter WRITER = Json.MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path path;
    private final Runnable beforeMove;

    CassetteFile(Path path) {
        this(path, () -> { });
    }

    /** {@code beforeMove} runs after the temporary file is written and before it replaces the file: a test seam. */
    CassetteFile(Path path, Runnable beforeMove) {
        this.path = path;
        this.beforeMove = beforeMove;
    }

    Path path() {
        return path;
    }

    /** The entries on disk, sorted by key; empty when the file does not exist or is blank. */
    TreeMap<String, ObjectNode> read() {
        byte[] bytes = readBytes();
        return bytes == null ? new TreeMap<>() : parse(new String(bytes, StandardCharsets.UTF_8), path);
    }

    /**
     * Applies {@code change} to the entries on disk now and writes the result, unless it is byte for byte what is
     * there already.
     *
     * @return whether the file was written
     * @throws CorruptCassetteException when the file on disk cannot be read; it is then left untouched
     */
    boolean update(Consumer<TreeMap<String, ObjectNode>> change) {
        Path absolute = path.toAbsolutePath().normalize();
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(absolute, p -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(absolute.getParent());
            Path lockFile = lockFile(absolute);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // released when the channel closes
                FileLock held = channel.lock();
                assert held.isValid();
                removeLeftovers();
                byte[] before = readBytes();
                TreeMap<String, ObjectNode> entries = before == null ? new TreeMap<>()
                        : parse(new String(before, StandardCharsets.UTF_8), path);
                change.accept(entries);
                byte[] after = render(entries).getBytes(StandardCharsets.UTF_8);
                if (before != null && Arrays.equals(before, after)) {
                    return false;
                }
                if (before == null && entries.isEmpty()) {
                    return false;
                }
                writeAtomically(absolute, after);
                return true;
            }
        } catch (IOException e) {
            throw new LlmockException(Messages.unwritable(path, e), e);
        } finally {
            jvmLock.unlock();
        }
    }

    /**
     * The inter-process lock lives in the temp directory, keyed by the cassette's absolute path, so that nothing but
     * cassettes appears next to the files a team commits. Lock files are never deleted: deleting one while another
     * process waits on it would let two writers in.
     */
    static Path lockFile(Path absolute) throws IOException {
        Path locks = Path.of(System.getProperty("java.io.tmpdir"), "llmock-locks");
        Files.createDirectories(locks);
        String id;
        try {
            id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(absolute.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        return locks.resolve(absolute.getFileName() + "." + id + ".lock");
    }

    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            beforeMove.run();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Temporary files of this cassette: they exist only while the lock is held, so any found under it are left over. */
    List<Path> leftovers() {
        Path absolute = path.toAbsolutePath().normalize();
        Path directory = absolute.getParent();
        List<Path> found = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return found;
        }
        Pattern temp = Pattern.compile(Pattern.quote(absolute.getFileName() + ".") + "\\d+\\.tmp");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (temp.matcher(file.getFileName().toString()).matches()) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    private void removeLeftovers() throws IOException {
        for (Path leftover : leftovers()) {
            Files.deleteIfExists(leftover);
        }
    }

    private byte[] readBytes() {
        try {
            byte[] bytes = Files.readAllBytes(path);
            return new String(bytes, StandardCharsets.UTF_8).isBlank() ? null : bytes;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new CorruptCassetteException(Messages.unreadable(path, e), path, -1, -1, e);
        }
    }

    /** Parses cassette text; {@code path} names it in errors. */
    static TreeMap<String, ObjectNode> parse(String text, Path path) {
        JsonNode root;
        try {
            root = READER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? -1 : at.getLineNr();
            int column = at == null ? -1 : at.getColumnNr();
            throw new CorruptCassetteException(Messages.notJson(path, line, column, e.getOriginalMessage()), path,
                    line, column, e);
        }
        if (root == null || !root.isObject()) {
            throw notACassette(path, "expected an object with \"version\" and \"entries\"");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw notACassette(path, "\"version\" is missing or not a number");
        }
        if (version.asInt() > FORMAT_VERSION) {
            throw new CorruptCassetteException(Messages.newerFormat(path, version.asInt(), FORMAT_VERSION), path,
                    -1, -1, null);
        }
        JsonNode entries = root.path("entries");
        if (!entries.isObject()) {
            throw notACassette(path, "\"entries\" is missing or not an object");
        }
        TreeMap<String, ObjectNode> result = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = entries.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode entry = field.getValue();
            if (!entry.isObject() || !entry.path("request").isObject() || !entry.has("fixture")
                    || !entry.path("provenance").isObject()) {
                throw notACassette(path, "the entry \"" + field.getKey()
                        + "\" needs the objects \"request\" and \"provenance\" and a \"fixture\"");
            }
            result.put(field.getKey(), (ObjectNode) entry);
        }
        return result;
    }

    /** The file's text for these entries: sorted, pretty, {@code \n} line ends, a final newline. */
    static String render(Map<String, ObjectNode> entries) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ObjectNode all = root.putObject("entries");
        new TreeMap<>(entries).forEach(all::set);
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A cassette tree could not be written as JSON", e);
        }
    }

    private static CorruptCassetteException notACassette(Path path, String problem) {
        return new CorruptCassetteException(Messages.notACassette(path, problem), path, -1, -1, null);
    }
}

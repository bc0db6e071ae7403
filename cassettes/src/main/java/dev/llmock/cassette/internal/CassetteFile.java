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
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One cassette file on disk: reads it, and changes it atomically under a lock.
 *
 * <p>The file is {@code {"version": 1, "entries": {"<key>": {...}, ...}}}, entries sorted by key, pretty-printed with
 * {@code \n} line ends on every platform. A change re-reads the file under the directory's {@link DirectoryLock},
 * applies the change to what is on disk now, writes a temporary file in the same directory with the permissions of the
 * file it replaces, forces it to disk, moves it over the original with {@code ATOMIC_MOVE} and forces the directory.
 * Readers therefore see the old file or the new one, never a part; a crash leaves at most a temporary file, which the
 * next change removes (temporary files exist only while the lock is held). A read-only file or directory is refused,
 * never replaced. A cassette that is a symbolic link is written through to its target, on purpose: the link stays
 * and the target is replaced atomically in its own directory, under that directory's lock.
 */
final class CassetteFile {
    static final int FORMAT_VERSION = 1;
    /** How long a write waits for the directory's lock unless configured: {@value} seconds. */
    static final int DEFAULT_LOCK_TIMEOUT_SECONDS = 60;

    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectWriter WRITER = Json.MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private final Path path;
    private final Duration lockTimeout;
    private final Runnable beforeMove;

    CassetteFile(Path path) {
        this(path, Duration.ofSeconds(DEFAULT_LOCK_TIMEOUT_SECONDS));
    }

    CassetteFile(Path path, Duration lockTimeout) {
        this(path, lockTimeout, () -> { });
    }

    /** {@code beforeMove} runs after the temporary file is written and before it replaces the file: a test seam. */
    CassetteFile(Path path, Duration lockTimeout, Runnable beforeMove) {
        this.path = path;
        this.lockTimeout = lockTimeout;
        this.beforeMove = beforeMove;
    }

    Path path() {
        return path;
    }

    /**
     * The entries on disk, sorted by key; empty when the file does not exist or is blank. Entries with equal shapes
     * share one tree of it: read-only.
     */
    TreeMap<String, ObjectNode> read() {
        return new TreeMap<>(load());
    }

    /** As {@link #read()}, in no particular order: what an opening cassette needs, without sorting 10,000 keys. */
    Map<String, ObjectNode> load() {
        byte[] bytes = readBytes(path);
        return bytes == null ? Map.of() : parse(bytes, path);
    }

    /**
     * Applies {@code change} to the entries on disk now and writes the result, unless it is byte for byte what is
     * there already.
     *
     * @return whether the file was written
     * @throws CorruptCassetteException when the file on disk cannot be read; it is then left untouched
     * @throws LlmockException when the file or its directory is read-only, the lock is not had in time, or the write
     *                         fails; the file is then left as it was
     */
    boolean update(Consumer<TreeMap<String, ObjectNode>> change) {
        try {
            Path target = target();
            Path directory = target.getParent();
            if (readOnly(directory)) {
                throw new LlmockException(Messages.readOnlyDirectory(path, directory));
            }
            try (DirectoryLock.Held held = DirectoryLock.acquire(directory, path, lockTimeout)) {
                removeLeftovers(target);
                byte[] before = readBytes(target);
                TreeMap<String, ObjectNode> entries = before == null ? new TreeMap<>()
                        : new TreeMap<>(parse(before, path));
                change.accept(entries);
                byte[] after = render(entries).getBytes(StandardCharsets.UTF_8);
                if (before != null && Arrays.equals(before, after)) {
                    return false;
                }
                if (before == null && entries.isEmpty()) {
                    return false;
                }
                if (Files.exists(target) && readOnly(target)) {
                    throw new Refused(Messages.readOnlyCassette(path));
                }
                writeAtomically(target, after);
                return true;
            }
        } catch (IOException e) {
            throw new LlmockException(Messages.unwritable(path, e), e);
        }
    }

    /**
     * The file to replace, in its real directory (created when missing): the link's target for a symbolic link, so
     * that every writer, whichever way it names the file, locks and replaces the same one.
     */
    private Path target() throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path linked = absolute.resolveSibling(Files.readSymbolicLink(absolute)).normalize();
            if (linked.getParent() == null || !Files.isDirectory(linked.getParent())) {
                throw new Refused(Messages.danglingLink(path, Files.readSymbolicLink(absolute)));
            }
            return linked.getParent().toRealPath().resolve(linked.getFileName());
        }
        Files.createDirectories(absolute.getParent());
        return absolute.getParent().toRealPath().resolve(absolute.getFileName());
    }

    /**
     * Read-only on purpose: not writable by this user, or (checked too, as {@code root} may write anything) with no
     * write permission for anybody.
     */
    static boolean readOnly(Path file) {
        if (!Files.isWritable(file)) {
            return true;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return !permissions.contains(PosixFilePermission.OWNER_WRITE)
                    && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path directory = target.getParent();
        Path temp = directory.resolve(target.getFileName() + "." + (TEMP_NAMES.nextLong() & Long.MAX_VALUE) + ".tmp");
        Files.createFile(temp);
        boolean moved = false;
        try {
            keepPermissions(target, temp);
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
            forceDirectory(directory);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The new file gets the old one's permissions (a 0644 cassette stays 0644); a new cassette gets the umask's. */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    /** Makes the rename durable: without it a crash can bring back the old directory entry. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some systems (Windows) cannot open a directory; their rename is as durable as it gets
        }
    }

    /** Temporary files of this cassette: they exist only while the lock is held, so any found under it are left over. */
    List<Path> leftovers() {
        return leftovers(path);
    }

    private static List<Path> leftovers(Path cassette) {
        Path absolute = cassette.toAbsolutePath().normalize();
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

    private static void removeLeftovers(Path target) throws IOException {
        for (Path leftover : leftovers(target)) {
            Files.deleteIfExists(leftover);
        }
    }

    private byte[] readBytes(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return blank(bytes) ? null : bytes;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new CorruptCassetteException(Messages.unreadable(path, e), path, -1, -1, e);
        }
    }

    /** Whether the file holds only white space; looks no further than its first other character. */
    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                // beyond ASCII: let String decide (Unicode has white space of its own)
                return new String(bytes, StandardCharsets.UTF_8).isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The entries of cassette bytes, streamed ({@link CassetteStream}); a file that is not a plain valid cassette is
     * read as a whole tree, whose errors name the line and column. {@code path} names the file in errors.
     */
    static Map<String, ObjectNode> parse(byte[] bytes, Path path) {
        Map<String, ObjectNode> streamed = CassetteStream.entries(bytes);
        return streamed != null ? streamed : shareShapes(parse(new String(bytes, StandardCharsets.UTF_8), path));
    }

    /** Entries of one cassette mostly share a few shapes: one tree of each, read-only from here on. */
    private static TreeMap<String, ObjectNode> shareShapes(TreeMap<String, ObjectNode> entries) {
        Map<JsonNode, JsonNode> shapes = new HashMap<>();
        entries.values().forEach(entry -> {
            ObjectNode request = (ObjectNode) entry.get("request");
            JsonNode shape = request.get("shape");
            if (shape != null) {
                request.set("shape", shapes.computeIfAbsent(shape, s -> s));
            }
        });
        return entries;
    }

    /** Parses cassette text as one tree; {@code path} names it in errors. */
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

    /** The file itself cannot be taken (read-only, a link to nowhere), while its directory may well be writable. */
    static final class Refused extends LlmockException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}

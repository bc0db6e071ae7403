package dev.llmock.llamacpp.internal;

import de.kherud.llama.LlamaModel;
import dev.llmock.LlmockException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Puts java-llama.cpp's native library where its loader finds it quietly, before the loader runs.
 *
 * <p>Left to itself the loader extracts the library into the shared temporary directory, deleting files there whose
 * names start with {@code llama} or {@code jllama}, and prints {@code Extracted '...'} on standard output, which is
 * where {@code llmock generate} writes its records. Parallel JVMs (test forks) would also race on the one file. So
 * each JVM copies the library into a directory of its own and points the loader at it
 * ({@value #LIB_PATH}, {@value #TMP_DIR}), unless the user already set either property. What the loader still prints
 * (on macOS it always prints a folder name) goes to standard error.
 */
final class NativeLibrary {
    static final String LIB_PATH = "de.kherud.llama.lib.path";
    static final String TMP_DIR = "de.kherud.llama.tmpdir";
    private static final System.Logger LOG = System.getLogger("dev.llmock.backend");
    private static final String RESOURCES = "/de/kherud/llama/";
    private static boolean prepared;

    private NativeLibrary() {
    }

    /**
     * Copies the library for this platform once per JVM (platforms it does not know are left to the loader), then
     * loads it.
     *
     * @throws LlmockException when the library does not load on this platform
     */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        if (System.getProperty(LIB_PATH) == null && System.getProperty(TMP_DIR) == null) {
            copy();
        }
        load();
        prepared = true;
    }

    private static void copy() {
        String name = System.mapLibraryName("jllama");
        String resource = RESOURCES + platform() + "/" + name;
        try (InputStream library = LlamaModel.class.getResourceAsStream(resource)) {
            if (library == null) {
                LOG.log(Level.DEBUG, () -> "llmock: no " + resource + " in de.kherud:llama; its loader looks itself");
                return;
            }
            Path home = Files.createTempDirectory("llmock-llamacpp-");
            Path lib = Files.createDirectory(home.resolve("lib"));
            Path target = lib.resolve(name);
            home.toFile().deleteOnExit();
            lib.toFile().deleteOnExit();
            target.toFile().deleteOnExit();
            Files.copy(library, target, StandardCopyOption.REPLACE_EXISTING);
            // The loader cleans TMP_DIR of files named like its own before loading: ours sits one level below.
            System.setProperty(TMP_DIR, home.toString());
            System.setProperty(LIB_PATH, lib.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.libraryNotCopied(e.getMessage()), e);
        }
    }

    /** Runs the loader, with standard output sent to standard error meanwhile: stdout may be the user's data. */
    private static void load() {
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            Class.forName(LlamaModel.class.getName(), true, LlamaModel.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new LlmockException(Messages.libraryNotLoaded(System.getProperty("os.name"),
                    System.getProperty("os.arch"), e.toString(), LIB_PATH), e);
        } finally {
            System.setOut(out);
        }
    }

    /** The loader's folder for this platform: {@code Linux/x86_64}, {@code Mac/aarch64}, {@code Windows/x86_64}. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String folder = os.startsWith("mac") || os.startsWith("darwin") ? "Mac"
                : os.startsWith("windows") ? "Windows" : "Linux";
        String cpu = switch (arch) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            default -> arch;
        };
        return folder + "/" + cpu;
    }
}

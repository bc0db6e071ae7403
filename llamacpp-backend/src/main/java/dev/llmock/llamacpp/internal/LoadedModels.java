package dev.llmock.llamacpp.internal;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The models loaded in this JVM, one per file and settings, kept until the JVM ends.
 *
 * <p>Not closed with the backend: java-llama.cpp frees no memory on close and starts a new native thread per load,
 * so a model reloaded for every {@code Llmock} (one per test class, say) would pile up. A shutdown hook stops them.
 */
final class LoadedModels {
    private static final System.Logger LOG = System.getLogger("dev.llmock.backend");
    private static final Map<Settings.ModelKey, LocalModel> MODELS = new ConcurrentHashMap<>();
    private static boolean hooked;

    private LoadedModels() {
    }

    /** The model for {@code key}, loading it with {@code loader} the first time; concurrent first calls load once. */
    static LocalModel get(Settings.ModelKey key, Supplier<LocalModel> loader) {
        LocalModel model = MODELS.computeIfAbsent(key, ignored -> loader.get());
        closeAtShutdown();
        return model;
    }

    private static synchronized void closeAtShutdown() {
        if (hooked) {
            return;
        }
        hooked = true;
        Runtime.getRuntime().addShutdownHook(new Thread(LoadedModels::closeAll, "llmock-llamacpp-shutdown"));
    }

    private static void closeAll() {
        MODELS.forEach((key, model) -> {
            try {
                model.close();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, () -> "llmock: closing " + key.file() + " failed: " + e);
            }
        });
    }
}

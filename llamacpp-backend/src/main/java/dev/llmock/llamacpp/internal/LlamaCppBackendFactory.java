package dev.llmock.llamacpp.internal;

import dev.llmock.BackendConfig;
import dev.llmock.llamacpp.LlamaCpp;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendContext;
import dev.llmock.spi.BackendFactory;
import java.util.Set;

/** Creates {@code llamacpp} backends; listed for the service loader in {@code META-INF/services}. */
public final class LlamaCppBackendFactory implements BackendFactory {

    @Override
    public String provider() {
        return LlamaCpp.PROVIDER;
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of(LlamaCpp.CONTEXT_SIZE, LlamaCpp.THREADS, LlamaCpp.GPU_LAYERS);
    }

    @Override
    public Backend create(BackendConfig config, BackendContext context) {
        return new LlamaCppBackend(Settings.of(config, context));
    }
}

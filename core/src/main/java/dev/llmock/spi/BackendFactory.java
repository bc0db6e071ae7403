package dev.llmock.spi;

import dev.llmock.BackendConfig;
import java.util.Set;

/**
 * Creates backends of one provider. Found with {@link java.util.ServiceLoader}: list implementations in
 * {@code META-INF/services/dev.llmock.spi.BackendFactory}.
 *
 * @since 0.1.0
 */
public interface BackendFactory {

    /** {@return the provider name this factory serves, as written in {@code llmock.json}} */
    String provider();

    /**
     * The keys a backend entry of this provider may carry in {@code llmock.json} besides the common ones (for example
     * {@code contextSize}); they reach {@link #create} in {@link BackendConfig#options()}. Any other key stays an
     * error.
     *
     * @return the keys; none by default
     * @since 0.2.0
     */
    default Set<String> optionKeys() {
        return Set.of();
    }

    /**
     * Creates a backend for one configured entry, its {@code ${VAR}} placeholders resolved.
     *
     * @param config the backend's entry
     * @param context what the backend may use from the engine
     * @return the backend; the engine closes it
     * @throws dev.llmock.ConfigException when the entry cannot make a backend, naming the backend and the key
     */
    Backend create(BackendConfig config, BackendContext context);
}

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

    /** The provider name this factory serves, as written in {@code llmock.json}. */
    String provider();

    /**
     * The keys a backend entry of this provider may carry in {@code llmock.json} besides the common ones (for example
     * {@code contextSize}); they reach {@link #create} in {@link BackendConfig#options()}. Any other key stays an error.
     *
     * @since 0.1.0
     */
    default Set<String> optionKeys() {
        return Set.of();
    }

    Backend create(BackendConfig config, BackendContext context);
}

package dev.llmock.spi;

import dev.llmock.BackendConfig;

/**
 * Creates backends of one provider. Found with {@link java.util.ServiceLoader}: list implementations in
 * {@code META-INF/services/dev.llmock.spi.BackendFactory}.
 *
 * @since 0.1.0
 */
public interface BackendFactory {

    /** The provider name this factory serves, as written in {@code llmock.json}. */
    String provider();

    Backend create(BackendConfig config, BackendContext context);
}

package dev.llmock.internal.backend.http;

import dev.llmock.BackendConfig;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendContext;
import dev.llmock.spi.BackendFactory;
import java.util.function.BiFunction;

/** Creates {@link HttpBackend}s for one provider; each provider's public {@code Factory} names itself and its template. */
abstract class ProviderFactory implements BackendFactory {
    private final String provider;
    private final BiFunction<BackendConfig, Double, Provider> template;

    /** @param template makes the provider's template from a backend's entry and the sampling temperature */
    ProviderFactory(String provider, BiFunction<BackendConfig, Double, Provider> template) {
        this.provider = provider;
        this.template = template;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public Backend create(BackendConfig config, BackendContext context) {
        return create(config, HttpSettings.of(config, context));
    }

    /** A backend on these settings (tests give their own timeout or HTTP client). */
    Backend create(BackendConfig config, HttpSettings settings) {
        return new HttpBackend(config, settings, template.apply(config, settings.temperature()));
    }
}

package dev.llmock.internal.engine;

import dev.llmock.BackendConfig;
import dev.llmock.ConfigException;
import dev.llmock.LlmockConfig;
import dev.llmock.internal.config.Placeholders;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendContext;
import dev.llmock.spi.BackendFactory;
import dev.llmock.spi.BackendLimits;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Resolves backend names to backends, creating each once, on first use; pools backends that share a name. Creation is
 * where a backend's {@code ${VAR}} placeholders are resolved ({@link Placeholders}): a request answered before the
 * engine plans it (a replayed cassette) creates none, so it needs neither variables nor servers.
 */
final class BackendRegistry implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.llmock");

    private final LlmockConfig config;
    private final BackendContext context;
    private final Map<String, BackendFactory> factories;
    private final Map<String, Backend> backends = new ConcurrentHashMap<>();
    private final Set<String> explicit;
    private final StatsRecorder stats;
    private final Placeholders placeholders = Placeholders.system();
    private final AtomicBoolean announcedSynthetic = new AtomicBoolean();

    BackendRegistry(LlmockConfig config, BackendContext context, Map<String, Backend> explicit,
                    StatsRecorder stats) {
        this.config = config;
        this.context = context;
        this.stats = stats;
        this.factories = new ConcurrentHashMap<>();
        ServiceLoader.load(BackendFactory.class, BackendRegistry.class.getClassLoader())
                .forEach(factory -> factories.putIfAbsent(factory.provider(), factory));
        backends.putAll(explicit);
        this.explicit = Set.copyOf(explicit.keySet());
    }

    /** The backend for {@code name}; an empty name is the configured default. */
    Backend resolve(String name) {
        String resolved = name == null || name.isEmpty() ? config.resolveDefaultBackend() : name;
        return backends.computeIfAbsent(resolved, this::create);
    }

    /** Every name a request may use, for messages. */
    Set<String> names() {
        Set<String> names = new TreeSet<>(backends.keySet());
        config.backends().stream().filter(BackendConfig::enabled).forEach(b -> names.add(b.name()));
        names.add(LlmockConfig.SYNTHETIC);
        return names;
    }

    /**
     * What {@code backend} can take: its own {@link Backend#limits()}; a backend given to the builder under a name
     * that {@code llmock.json} also configures takes what it leaves open from those entries.
     */
    BackendLimits limits(Backend backend) {
        BackendLimits own = backend.limits();
        if (!explicit.contains(backend.name())) {
            return own;
        }
        BackendLimits configured = BackendPool.combined(config.backendsNamed(backend.name()).stream()
                .map(BackendLimits::of).toList());
        return new BackendLimits(own.maxTokens() != null ? own.maxTokens() : configured.maxTokens(),
                own.maxConcurrentRequests() != null ? own.maxConcurrentRequests() : configured.maxConcurrentRequests(),
                own.recordsPerCall() != null ? own.recordsPerCall() : configured.recordsPerCall());
    }

    private Backend create(String name) {
        if (config.isEmpty()) {
            if (announcedSynthetic.compareAndSet(false, true)) {
                LOG.log(Level.INFO, Messages.noConfig());
            }
            return instantiate(BackendConfig.synthetic(name));
        }
        List<BackendConfig> members = config.backendsNamed(name);
        if (members.isEmpty() && LlmockConfig.SYNTHETIC.equals(name)) {
            return instantiate(BackendConfig.synthetic(name));
        }
        if (members.isEmpty()) {
            boolean disabled = config.backends().stream().anyMatch(b -> b.name().equals(name));
            if (disabled) {
                throw new ConfigException(Messages.disabled(name, config.source(), names()));
            }
            throw new ConfigException(Messages.unknownBackend(name, config.source(), names()));
        }
        List<Backend> created = new ArrayList<>();
        for (BackendConfig member : members) {
            created.add(instantiate(member));
        }
        if (created.size() == 1 && members.get(0).fallback() == null) {
            return created.get(0);
        }
        return new BackendPool(name, members, created, this::resolveFallback);
    }

    private Backend resolveFallback(String name) {
        return resolve(name);
    }

    private Backend instantiate(BackendConfig written) {
        BackendFactory factory = factories.get(written.provider());
        if (factory == null) {
            throw new ConfigException(Messages.unknownProvider(written.name(), written.provider(),
                    new TreeSet<>(factories.keySet())));
        }
        BackendConfig backend = placeholders.resolve(written, config.source());
        stats.register(backend.name(), backend);
        return factory.create(backend, context);
    }

    @Override
    public void close() {
        backends.values().forEach(Backend::close);
    }
}

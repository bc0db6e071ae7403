package dev.llmock.internal.config;

import dev.llmock.spi.BackendFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The providers a configuration may name: llmock's own, plus those of the backend factories on the class path, each
 * with the extra keys its backend entries accept. Found once per JVM, so a new provider needs no change here.
 *
 * @param optionKeys provider name to the keys its factory declares in {@link BackendFactory#optionKeys()}
 */
public record ProviderCatalog(Map<String, Set<String>> optionKeys) {
    /** Providers of llmock modules that are not always on the class path, with the artifact that brings each. */
    private static final Map<String, String> MODULES = Map.of("llamacpp", "dev.llmock:llmock-llamacpp");

    public ProviderCatalog {
        Map<String, Set<String>> all = new HashMap<>();
        ConfigReader.PROVIDERS.forEach(provider -> all.put(provider, Set.of()));
        optionKeys.forEach((provider, keys) -> all.put(provider, Set.copyOf(keys)));
        optionKeys = Map.copyOf(all);
    }

    /** The built-in providers and every {@link BackendFactory} the service loader finds. */
    public static ProviderCatalog installed() {
        return Installed.CATALOG;
    }

    /** The built-in providers plus {@code extra}, for tests. */
    public static ProviderCatalog of(Map<String, Set<String>> extra) {
        return new ProviderCatalog(extra);
    }

    public boolean knows(String provider) {
        return optionKeys.containsKey(provider);
    }

    /** The extra keys of {@code provider}, empty when it declares none. */
    public Set<String> optionKeys(String provider) {
        return optionKeys.getOrDefault(provider, Set.of());
    }

    /** The providers for messages, sorted. */
    public Set<String> names() {
        return new TreeSet<>(optionKeys.keySet());
    }

    /** Which artifact brings {@code provider} when it is one of llmock's optional modules, for messages; else null. */
    public static String moduleOf(String provider) {
        return MODULES.get(provider);
    }

    /** Loaded on first use, once: the class path does not change while the JVM runs. */
    private static final class Installed {
        static final ProviderCatalog CATALOG = load();

        private static ProviderCatalog load() {
            Map<String, Set<String>> keys = new HashMap<>();
            ServiceLoader.load(BackendFactory.class, ProviderCatalog.class.getClassLoader())
                    .forEach(factory -> keys.putIfAbsent(factory.provider(), factory.optionKeys()));
            return new ProviderCatalog(keys);
        }
    }
}

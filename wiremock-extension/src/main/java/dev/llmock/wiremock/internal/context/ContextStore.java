package dev.llmock.wiremock.internal.context;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The API contexts of one server, by name, bounded in number (Caffeine drops the least used beyond
 * {@code maxContexts}) and each bounded in entities. Thread-safe.
 */
public final class ContextStore {
    /** Contexts kept at once unless configured: {@value}. */
    public static final int DEFAULT_MAX_CONTEXTS = 100;
    /** Entities kept per context unless configured: {@value}. */
    public static final int DEFAULT_MAX_ENTITIES = 1000;
    /** The longest context name: {@value}. */
    static final int MAX_NAME_LENGTH = 100;

    private final int maxEntities;
    private final Clock clock;
    private final Cache<String, ContextState> contexts;

    public ContextStore(int maxContexts, int maxEntities, Clock clock) {
        this.maxEntities = maxEntities;
        this.clock = clock;
        // run evictions on the calling thread, so the bound holds when a request returns
        this.contexts = Caffeine.newBuilder().maximumSize(maxContexts).executor(Runnable::run).build();
    }

    /**
     * The context {@code name}, created empty when new.
     *
     * @throws IllegalArgumentException when the name is blank, too long or has control characters
     */
    public ContextState stateOf(String name) {
        String problem = Messages.badName(name, MAX_NAME_LENGTH);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return contexts.get(name, n -> new ContextState(n, maxEntities, clock));
    }

    public Optional<ContextState> find(String name) {
        return Optional.ofNullable(name == null ? null : contexts.getIfPresent(name));
    }

    /** Every context, by name. */
    public List<ContextState> all() {
        contexts.cleanUp();
        return contexts.asMap().values().stream().sorted(Comparator.comparing(ContextState::name))
                .collect(Collectors.toList());
    }

    /** Removes a context; false when there was none of that name. */
    public boolean remove(String name) {
        return contexts.asMap().remove(name) != null;
    }

    /** Removes every context and says how many there were. */
    public int clear() {
        int count = contexts.asMap().size();
        contexts.invalidateAll();
        return count;
    }
}

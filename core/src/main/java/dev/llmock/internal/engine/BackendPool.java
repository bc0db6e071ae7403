package dev.llmock.internal.engine;

import dev.llmock.BackendConfig;
import dev.llmock.BackendException;
import dev.llmock.internal.backend.CircuitAware;
import dev.llmock.internal.backend.RetryLedger;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import java.util.List;
import java.util.function.Function;

/**
 * Backends sharing one name. Calls are spread by weight with smooth weighted round-robin (deterministic, so a
 * run is reproducible); a member whose circuit breaker is open is skipped without a call, a member that fails is
 * skipped for this call and the next member is tried, and when every member failed or is open the {@code fallback}
 * backend answers.
 */
final class BackendPool implements Backend {
    private final String name;
    private final List<BackendConfig> configs;
    private final List<Backend> members;
    private final int[] current;
    private final int totalWeight;
    private final Function<String, Backend> fallbacks;

    BackendPool(String name, List<BackendConfig> configs, List<Backend> members, Function<String, Backend> fallbacks) {
        this.name = name;
        this.configs = configs;
        this.members = members;
        this.current = new int[members.size()];
        this.totalWeight = configs.stream().mapToInt(BackendConfig::weight).sum();
        this.fallbacks = fallbacks;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String provider() {
        return members.get(0).provider();
    }

    @Override
    public String model() {
        return members.get(0).model();
    }

    synchronized int next() {
        int best = 0;
        for (int i = 0; i < current.length; i++) {
            current[i] += configs.get(i).weight();
            if (current[i] > current[best]) {
                best = i;
            }
        }
        current[best] -= totalWeight;
        return best;
    }

    @Override
    public BackendResponse call(BackendRequest request) {
        int first = next();
        BackendException last = null;
        int skipped = 0;
        for (int i = 0; i < members.size(); i++) {
            Backend member = members.get((first + i) % members.size());
            if (member instanceof CircuitAware guarded && !guarded.acceptsCalls()) {
                skipped++;
                continue;
            }
            if (last != null) {
                RetryLedger.note(name, member.provider(), 1);
            }
            try {
                return member.call(request);
            } catch (BackendException e) {
                last = e;
            }
        }
        String fallback = fallback(first);
        if (fallback != null) {
            if (last != null) {
                RetryLedger.note(name, provider(), 1);
            }
            return fallbacks.apply(fallback).call(request);
        }
        if (last == null) {
            throw new BackendException(name, null, 0, "Every backend named \"" + name + "\" (" + skipped
                    + ") has an open circuit breaker after repeated failures, so none was called. Name a \"fallback\""
                    + " backend to keep going meanwhile, or wait for circuitBreaker.openSeconds to pass.", true, null);
        }
        throw last;
    }

    /** The fallback of the member chosen first, else of the next member that names one. */
    private String fallback(int first) {
        for (int i = 0; i < configs.size(); i++) {
            String fallback = configs.get((first + i) % configs.size()).fallback();
            if (fallback != null && !fallback.equals(name)) {
                return fallback;
            }
        }
        return null;
    }

    @Override
    public void close() {
        members.forEach(Backend::close);
    }
}

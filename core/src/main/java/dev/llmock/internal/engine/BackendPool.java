package dev.llmock.internal.engine;

import dev.llmock.BackendConfig;
import dev.llmock.BackendException;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendLimits;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import dev.llmock.spi.CallCost;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Backends sharing one name. Calls are spread by weight with smooth weighted round-robin (deterministic, so a
 * run is reproducible); a member that does not {@linkplain Backend#acceptsCalls() accept calls} (its circuit breaker
 * is open) is skipped without a call, a member that fails is skipped for this call and the next member is tried, and
 * when every member failed or is open the {@code fallback} backend answers. The members that failed travel with the
 * answer ({@link BackendResponse#failures()}) or the last failure (suppressed), so each is counted under its name.
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

    /** What the members take together: the first stated budget, their concurrency summed when each states one. */
    @Override
    public BackendLimits limits() {
        return combined(members.stream().map(Backend::limits).toList());
    }

    /** Open while a member would take a call, or a fallback would. */
    @Override
    public boolean acceptsCalls() {
        return members.stream().anyMatch(Backend::acceptsCalls) || fallback(0) != null;
    }

    /** The limits of backends serving one name together. */
    static BackendLimits combined(List<BackendLimits> limits) {
        Integer maxTokens = limits.stream().map(BackendLimits::maxTokens).filter(Objects::nonNull).findFirst()
                .orElse(null);
        boolean allConcurrency = !limits.isEmpty() && limits.stream().allMatch(l -> l.maxConcurrentRequests() != null);
        Integer concurrency = allConcurrency
                ? limits.stream().mapToInt(BackendLimits::maxConcurrentRequests).sum() : null;
        boolean allRecords = !limits.isEmpty() && limits.stream().allMatch(l -> l.recordsPerCall() != null);
        Integer records = allRecords ? limits.stream().mapToInt(BackendLimits::recordsPerCall).min().getAsInt() : null;
        return new BackendLimits(maxTokens, concurrency, records);
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
        List<BackendException> failed = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < members.size(); i++) {
            Backend member = members.get((first + i) % members.size());
            if (!member.acceptsCalls()) {
                skipped++;
                continue;
            }
            try {
                return afterFailures(member.call(request), failed);
            } catch (BackendException e) {
                failed.add(e);
            }
        }
        String fallback = fallback(first);
        if (fallback != null) {
            try {
                return afterFailures(fallbacks.apply(fallback).call(request), failed);
            } catch (BackendException e) {
                throw afterFailures(e, failed);
            }
        }
        if (failed.isEmpty()) {
            throw new BackendException(new CallCost(name, provider(), model(), 0, 0, null, null, false), null, 0,
                    Messages.poolOpen(name, skipped), true, null);
        }
        throw afterFailures(failed.remove(failed.size() - 1), failed);
    }

    private static BackendResponse afterFailures(BackendResponse response, List<BackendException> failed) {
        if (failed.isEmpty()) {
            return response;
        }
        List<CallCost> failures = new ArrayList<>();
        failed.forEach(e -> failures.addAll(e.costs()));
        failures.addAll(response.failures());
        return new BackendResponse(response.json(), response.cost(), failures);
    }

    private static BackendException afterFailures(BackendException last, List<BackendException> failed) {
        failed.forEach(last::addSuppressed);
        return last;
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

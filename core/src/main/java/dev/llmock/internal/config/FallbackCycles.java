package dev.llmock.internal.config;

import dev.llmock.BackendConfig;
import dev.llmock.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rejects fallback chains that come back to where they started ({@code a -> b -> a}, or {@code a -> a}), which would
 * otherwise call round the cycle until the stack overflows. A name's edges are the fallbacks of its enabled entries
 * (a pool may name several).
 */
final class FallbackCycles {
    private FallbackCycles() {
    }

    /** @param prefix {@code ""}, or {@code "MockLlmApi."} in LLMockApi's file, for the key in the message */
    static void check(List<BackendConfig> backends, String prefix, String source) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        for (BackendConfig backend : backends) {
            if (backend.enabled() && backend.fallback() != null) {
                edges.computeIfAbsent(backend.name(), name -> new LinkedHashSet<>()).add(backend.fallback());
            }
        }
        Set<String> done = new LinkedHashSet<>();
        for (String start : edges.keySet()) {
            List<String> cycle = cycleFrom(start, edges, new ArrayList<>(), done);
            if (cycle != null) {
                String first = cycle.get(0);
                int index = indexOf(backends, first, cycle.get(1));
                throw new ConfigException(Messages.fallbackCycle(source, prefix + "backends[" + index + "].fallback",
                        String.join(" -> ", cycle)));
            }
        }
    }

    /** Depth-first: the cycle reached from {@code name} along {@code path}, closed by its first name again, or null. */
    private static List<String> cycleFrom(String name, Map<String, Set<String>> edges, List<String> path,
                                          Set<String> done) {
        int seen = path.indexOf(name);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(name);
            return cycle;
        }
        if (done.contains(name)) {
            return null;
        }
        path.add(name);
        for (String next : edges.getOrDefault(name, Set.of())) {
            List<String> cycle = cycleFrom(next, edges, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return null;
    }

    private static int indexOf(List<BackendConfig> backends, String name, String fallback) {
        for (int i = 0; i < backends.size(); i++) {
            BackendConfig backend = backends.get(i);
            if (backend.enabled() && backend.name().equals(name) && fallback.equals(backend.fallback())) {
                return i;
            }
        }
        throw new IllegalStateException("no entry " + name + " -> " + fallback);
    }
}

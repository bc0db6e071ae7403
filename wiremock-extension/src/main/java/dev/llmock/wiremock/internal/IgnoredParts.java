package dev.llmock.wiremock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.LlmockConfig;
import dev.llmock.SettingResolver;
import dev.llmock.cassette.CassetteSettings;
import dev.llmock.internal.Json;
import dev.llmock.internal.config.IgnoreEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of HTTP requests that stay out of their facts, and so out of their cassette keys ({@code cassettes.ignore}
 * in {@code llmock.json}, a stub's {@code ignore} parameter): fields of the JSON body and query parameters; request
 * headers are never part of the facts, so {@code header.<name>} entries have nothing to take out. A
 * request whose body carries a fresh {@code requestId} then replays the entry recorded for another id. The body
 * values taken out are handed back, so that the answer can still echo them (see {@link FactOverlay#echo}).
 * Immutable.
 */
final class IgnoredParts {
    static final IgnoredParts NONE = new IgnoredParts(List.of());

    private final List<IgnoreEntry> entries;

    private IgnoredParts(List<IgnoreEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The parts named by {@code texts}.
     *
     * @throws IllegalArgumentException when one is not {@code body.<field path>}, {@code query.<name>} or
     *                                  {@code header.<name>}
     */
    static IgnoredParts of(List<String> texts) {
        List<IgnoreEntry> parsed = new ArrayList<>();
        texts.forEach(text -> parsed.add(IgnoreEntry.parse(text)));
        return new IgnoredParts(parsed);
    }

    /** The parts {@code cassettes.ignore} of {@code config} names (checked when the file was read). */
    static IgnoredParts configured(LlmockConfig config) {
        return of(SettingResolver.of(null, null).withConfig(config).get(CassetteSettings.IGNORE));
    }

    /** These parts and {@code more}. */
    IgnoredParts and(IgnoredParts more) {
        if (more.entries.isEmpty()) {
            return this;
        }
        List<IgnoreEntry> both = new ArrayList<>(entries);
        both.addAll(more.entries);
        return new IgnoredParts(both);
    }

    /**
     * Takes the ignored parts out of {@code facts} (as {@link HttpFacts} builds them).
     *
     * @return the body fields taken out, in the body's own structure (only those reached through objects), for the
     *         answer to echo; empty when none
     */
    ObjectNode removeFrom(ObjectNode facts) {
        ObjectNode taken = Json.MAPPER.createObjectNode();
        if (facts.has(HttpFacts.BODY) && entries.stream().anyMatch(entry -> entry.part() == IgnoreEntry.Part.BODY)) {
            // the facts share the parsed body with the caller, which still needs all of it (API contexts keep it)
            facts.set(HttpFacts.BODY, facts.get(HttpFacts.BODY).deepCopy());
        }
        for (IgnoreEntry entry : entries) {
            switch (entry.part()) {
                case BODY:
                    JsonNode body = facts.get(HttpFacts.BODY);
                    if (body != null) {
                        remove(body, entry.path(), 0, taken);
                    }
                    break;
                case QUERY:
                    removeQueryParameter(facts, entry.path().get(0));
                    break;
                default:
                    break; // request headers never enter the facts: nothing to take out
            }
        }
        return taken;
    }

    /** Removes {@code path[at..]} under {@code node}; keeps what it removes in {@code taken} while on objects only. */
    private static void remove(JsonNode node, List<String> path, int at, ObjectNode taken) {
        if (node.isArray()) {
            for (JsonNode item : (ArrayNode) node) {
                remove(item, path, at, null); // which item a value came from is lost: nothing to echo
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String field = path.get(at);
        if (at == path.size() - 1) {
            JsonNode removed = ((ObjectNode) node).remove(field);
            if (removed != null && taken != null) {
                taken.set(field, removed);
            }
            return;
        }
        JsonNode child = node.get(field);
        if (child != null) {
            ObjectNode takenChild = taken == null ? null
                    : taken.get(field) instanceof ObjectNode ? (ObjectNode) taken.get(field) : Json.MAPPER.createObjectNode();
            remove(child, path, at + 1, takenChild);
            if (takenChild != null && takenChild.size() > 0) {
                taken.set(field, takenChild);
            }
        }
    }

    /** Removes the query parameter {@code name}, and the query when it empties, as if it had not been sent. */
    private static void removeQueryParameter(ObjectNode facts, String name) {
        JsonNode query = facts.get(HttpFacts.QUERY);
        if (query instanceof ObjectNode) {
            ((ObjectNode) query).remove(name);
            if (query.size() == 0) {
                facts.remove(HttpFacts.QUERY);
            }
        }
    }
}

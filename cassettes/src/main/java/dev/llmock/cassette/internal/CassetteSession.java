package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Provenance;
import dev.llmock.Rule;
import dev.llmock.cassette.CassetteReport;
import dev.llmock.cassette.CassetteStats;
import dev.llmock.cassette.RecordMode;
import dev.llmock.cassette.ReplayMissException;
import dev.llmock.internal.Json;
import dev.llmock.spi.FixtureInterceptor;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of one open cassette: what was loaded, what this run asked for, replayed and recorded, and what must be
 * written. Thread-safe: parallel test methods share one session.
 */
public final class CassetteSession {
    private final Path path;
    private final RecordMode mode;
    private final Clock clock;
    private final Duration maxAge;
    private final Redactor redactor;
    private final CassetteFile file;

    /** Guards {@link #entries} updates together with {@link #dirty}, {@link #removed}, {@link #replaced}. */
    private final Object lock = new Object();
    private final Object saveLock = new Object();
    private final Map<String, ObjectNode> entries = new ConcurrentHashMap<>();
    private final Set<String> loaded;
    private final Map<String, Optional<ObjectNode>> replaced = new HashMap<>();
    private final Set<String> dirty = new HashSet<>();
    private final Set<String> removed = new HashSet<>();
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final Set<String> replayed = ConcurrentHashMap.newKeySet();
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();
    private final Set<String> stale = ConcurrentHashMap.newKeySet();
    private final Map<String, CassetteReport.Drift> drift = new ConcurrentHashMap<>();

    /** Loads the file now, unless {@code mode} is {@link RecordMode#LIVE}. */
    public CassetteSession(CassetteFile file, RecordMode mode, Clock clock, Duration maxAge, Redactor redactor) {
        this.file = file;
        this.path = file.path();
        this.mode = mode;
        this.clock = clock;
        this.maxAge = maxAge;
        this.redactor = redactor;
        if (mode != RecordMode.LIVE) {
            // Entries of one cassette mostly share a few shapes: keep one tree of each (read-only from here on).
            Map<JsonNode, JsonNode> shapes = new HashMap<>();
            file.read().forEach((key, entry) -> {
                JsonNode request = entry.get("request");
                JsonNode shape = request.get("shape");
                if (shape != null) {
                    ((ObjectNode) request).set("shape", shapes.computeIfAbsent(shape, s -> s));
                }
                entries.put(key, entry);
            });
        }
        this.loaded = Set.copyOf(entries.keySet());
    }

    public Path path() {
        return path;
    }

    public RecordMode mode() {
        return mode;
    }

    public Fixture intercept(FixtureInterceptor.Chain chain) {
        FixtureRequest request = chain.request();
        if (mode == RecordMode.LIVE) {
            return chain.proceed(request);
        }
        String key = request.key().hash();
        asked.add(key);
        ObjectNode entry = entries.get(key);
        boolean fresh = entry != null && recorded.contains(key);
        switch (mode) {
            case REPLAY:
                if (entry == null) {
                    throw miss(request);
                }
                if (isStale(entry)) {
                    stale.add(key);
                }
                return replay(key, entry);
            case RECORD:
                if (entry != null && (fresh || !isStale(entry))) {
                    return replay(key, entry);
                }
                if (entry != null) {
                    stale.add(key);
                }
                return record(chain, request, entry == null ? growthFor(request) : null);
            default:
                return fresh ? replay(key, entry) : record(chain, request, null);
        }
    }

    private record Replayed(ObjectNode entry, Provenance provenance) {
    }

    private final Map<String, Replayed> provenances = new ConcurrentHashMap<>();

    private Fixture replay(String key, ObjectNode entry) {
        if (!recorded.contains(key)) {
            replayed.add(key);
        }
        Replayed known = provenances.get(key);
        if (known != null && known.entry() == entry) {
            return new Fixture(entry.get("fixture"), known.provenance());
        }
        ObjectNode where = Json.MAPPER.createObjectNode();
        where.put("file", path.getFileName().toString());
        where.put("key", key);
        Provenance provenance;
        try {
            provenance = Provenance.fromJson(entry.get("provenance"), Provenance.Source.REPLAYED)
                    .withDetail("cassette", where);
        } catch (DateTimeParseException e) {
            throw new dev.llmock.LlmockException(Messages.notACassette(path, Messages.entryProblem(key,
                    entry.path("test").asText(null), "provenance.recordedAt is not an ISO-8601 instant")), e);
        }
        provenances.put(key, new Replayed(entry, provenance));
        return new Fixture(entry.get("fixture"), provenance);
    }

    private Fixture record(FixtureInterceptor.Chain chain, FixtureRequest request, Growth growth) {
        Fixture generated = chain.proceed(request);
        JsonNode data = generated.json();
        Provenance provenance = generated.provenance();
        if (growth != null) {
            JsonNode merged = ShapeGrowth.overlay(growth.entry().get("fixture"), data);
            if (fits(request, merged)) {
                data = merged;
                ObjectNode incremental = Json.MAPPER.createObjectNode();
                incremental.put("from", growth.key());
                ArrayNode newFields = incremental.putArray("newFields");
                growth.newFields().forEach(newFields::add);
                provenance = provenance.withDetail("incremental", incremental);
            }
        }
        ObjectNode entry = entryJson(request, data, provenance);
        String key = request.key().hash();
        ObjectNode before;
        synchronized (lock) {
            before = entries.put(key, entry);
            replaced.putIfAbsent(key, Optional.ofNullable(before));
            dirty.add(key);
            removed.remove(key);
            recorded.add(key);
            Optional<ObjectNode> original = replaced.get(key);
            if (original.isPresent()) {
                CassetteReport.Drift change = DriftDetector.compare(describe(key, entry),
                        original.get().get("fixture"), entry.get("fixture"));
                if (change == null) {
                    drift.remove(key);
                } else {
                    drift.put(key, change);
                }
            }
        }
        return new Fixture(entry.get("fixture"), provenance);
    }

    private static boolean fits(FixtureRequest request, JsonNode data) {
        if (request.count() == 1) {
            return fitsOne(request, data);
        }
        if (!data.isArray() || data.size() != request.count()) {
            return false;
        }
        for (JsonNode item : data) {
            if (!fitsOne(request, item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsOne(FixtureRequest request, JsonNode data) {
        if (!request.shape().validate(data).isEmpty()) {
            return false;
        }
        for (Rule check : request.checks()) {
            if (!check.check(data).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private record Growth(String key, ObjectNode entry, List<String> newFields) {
    }

    /** An entry whose request differs only in a shape that has since gained properties, or null. */
    private Growth growthFor(FixtureRequest request) {
        ObjectNode wanted = requestJson(request);
        String label = request.label();
        // Only entries whose request differs at most in the shape are candidates; find them before sorting, so a
        // miss costs one pass over the entries without copies instead of a sort and two deep copies per entry.
        List<String> keys = new ArrayList<>();
        entries.forEach((key, entry) -> {
            if (equalOutsideShape(entry.get("request"), wanted)) {
                keys.add(key);
            }
        });
        keys.sort(Comparator.<String, Boolean>comparing(k -> !Objects.equals(label, test(entries.get(k))))
                .thenComparing(Comparator.naturalOrder()));
        for (String key : keys) {
            ObjectNode entry = entries.get(key);
            if (entry == null) {
                continue;
            }
            JsonNode recordedRequest = entry.get("request");
            List<String> added = ShapeGrowth.addedFields(recordedRequest.path("shape"), wanted.path("shape"));
            if (added != null) {
                return new Growth(key, entry, added);
            }
        }
        return null;
    }

    private static boolean equalOutsideShape(JsonNode recorded, JsonNode wanted) {
        if (recorded == null || !recorded.isObject()) {
            return false;
        }
        int outside = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = recorded.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("shape")) {
                continue;
            }
            outside++;
            if (!field.getValue().equals(wanted.get(field.getKey()))) {
                return false;
            }
        }
        return outside == wanted.size() - (wanted.has("shape") ? 1 : 0);
    }

    private ReplayMissException miss(FixtureRequest request) {
        ObjectNode wanted = requestJson(request);
        String label = request.label();
        String nearestKey = null;
        List<String> nearestDiff = List.of();
        boolean nearestSameTest = false;
        for (Map.Entry<String, ObjectNode> candidate : new TreeMap<>(entries).entrySet()) {
            List<String> diff = RequestDiff.differences(candidate.getValue().get("request"), wanted);
            boolean sameTest = label != null && label.equals(test(candidate.getValue()));
            if (nearestKey == null || diff.size() < nearestDiff.size()
                    || diff.size() == nearestDiff.size() && sameTest && !nearestSameTest) {
                nearestKey = candidate.getKey();
                nearestDiff = diff;
                nearestSameTest = sameTest;
            }
        }
        String nearestTest = nearestKey == null ? null : test(entries.get(nearestKey));
        String message = Messages.replayMiss(path, redactor.redact(label), request.key().hash(), Json.compact(wanted),
                nearestKey, nearestTest, nearestDiff, entries.size());
        return new ReplayMissException(message, path, label, request.key().hash(), nearestKey, nearestDiff);
    }

    private ObjectNode entryJson(FixtureRequest request, JsonNode data, Provenance provenance) {
        ObjectNode entry = Json.MAPPER.createObjectNode();
        if (request.label() != null) {
            entry.put("test", redactor.redact(request.label()));
        }
        entry.set("request", requestJson(request));
        // Generated data is test data: a fake "password" field stays, but anything that looks like a real key goes.
        entry.set("fixture", redactor.redactStrings(data));
        ObjectNode provenanceJson = (ObjectNode) redactor.redact(provenance.toJson());
        provenanceJson.put("llmockVersion", LlmockVersion.get());
        entry.set("provenance", provenanceJson);
        // through text and back, so a recording run hands out exactly the nodes a replaying run reads
        try {
            return (ObjectNode) Json.MAPPER.readTree(Json.compact(entry));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The logical request as stored: sorted keys, context fully redacted, secret-looking strings redacted. */
    private ObjectNode requestJson(FixtureRequest request) {
        ObjectNode json = request.key().json();
        ObjectNode redacted = Json.MAPPER.createObjectNode();
        json.fields().forEachRemaining(field -> redacted.set(field.getKey(), field.getKey().equals("context")
                ? redactor.redact(field.getValue()) : redactor.redactStrings(field.getValue())));
        try {
            return (ObjectNode) Json.MAPPER.readTree(Json.canonical(redacted));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isStale(ObjectNode entry) {
        if (maxAge == null) {
            return false;
        }
        Instant recordedAt = recordedAt(entry);
        return recordedAt == null || recordedAt.plus(maxAge).isBefore(clock.instant());
    }

    static Instant recordedAt(JsonNode entry) {
        try {
            JsonNode at = entry.path("provenance").path("recordedAt");
            return at.isTextual() ? Instant.parse(at.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String test(JsonNode entry) {
        return entry == null || !entry.path("test").isTextual() ? null : entry.get("test").asText();
    }

    private CassetteReport.Entry describe(String key, JsonNode entry) {
        return new CassetteReport.Entry(key, test(entry));
    }

    public CassetteReport report() {
        synchronized (lock) {
            Set<String> unused = new TreeSet<>(loaded);
            unused.removeAll(asked);
            unused.retainAll(entries.keySet());
            return new CassetteReport(path, mode, refs(replayed), refs(recorded), refs(stale), refs(unused),
                    new TreeMap<>(drift).values().stream().toList());
        }
    }

    private List<CassetteReport.Entry> refs(Set<String> keys) {
        List<CassetteReport.Entry> result = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            result.add(describe(key, entries.get(key)));
        }
        return result;
    }

    /** Writes what this run recorded and removed, merged with the file as it is now. */
    public boolean save() {
        if (mode == RecordMode.LIVE) {
            return false;
        }
        synchronized (saveLock) {
            Map<String, ObjectNode> changes = new HashMap<>();
            Set<String> deletions;
            synchronized (lock) {
                if (dirty.isEmpty() && removed.isEmpty()) {
                    return false;
                }
                for (String key : dirty) {
                    ObjectNode entry = entries.get(key);
                    if (entry != null) {
                        changes.put(key, entry);
                    }
                }
                deletions = new HashSet<>(removed);
            }
            boolean wrote = file.update(onDisk -> {
                onDisk.putAll(changes);
                deletions.forEach(onDisk::remove);
            });
            synchronized (lock) {
                changes.forEach((key, entry) -> {
                    if (entries.get(key) == entry) {
                        dirty.remove(key);
                    }
                });
                deletions.stream().filter(key -> !entries.containsKey(key)).forEach(removed::remove);
            }
            return wrote;
        }
    }

    /** Removes the loaded entries nothing asked for in this run; the next {@link #save()} writes that. */
    public int prune() {
        synchronized (lock) {
            int count = 0;
            for (String key : loaded) {
                if (!asked.contains(key) && entries.containsKey(key)) {
                    remove(key);
                    count++;
                }
            }
            return count;
        }
    }

    /** Removes the entries older than {@code maxAge} that nothing asked for in this run. */
    public int pruneStale() {
        if (maxAge == null) {
            return 0;
        }
        synchronized (lock) {
            int count = 0;
            for (String key : new TreeSet<>(entries.keySet())) {
                if (!asked.contains(key) && isStale(entries.get(key))) {
                    remove(key);
                    count++;
                }
            }
            return count;
        }
    }

    private void remove(String key) {
        entries.remove(key);
        dirty.remove(key);
        removed.add(key);
    }

    /** Forgets what this run recorded for {@code test}, restoring the entries as they were; returns how many. */
    public int discard(String test) {
        synchronized (lock) {
            int count = 0;
            for (String key : new ArrayList<>(recorded)) {
                ObjectNode current = entries.get(key);
                if (current == null || !Objects.equals(redactor.redact(test), test(current))) {
                    continue;
                }
                Optional<ObjectNode> before = replaced.remove(key);
                boolean unsaved = dirty.contains(key);
                if (before != null && before.isPresent()) {
                    entries.put(key, before.get());
                    if (unsaved) {
                        dirty.remove(key);
                    } else {
                        dirty.add(key);
                    }
                } else {
                    entries.remove(key);
                    if (unsaved) {
                        dirty.remove(key);
                    } else {
                        removed.add(key);
                    }
                }
                recorded.remove(key);
                drift.remove(key);
                count++;
            }
            return count;
        }
    }

    public CassetteStats stats() {
        return CassetteVerifier.stats(path, new TreeMap<>(entries));
    }
}

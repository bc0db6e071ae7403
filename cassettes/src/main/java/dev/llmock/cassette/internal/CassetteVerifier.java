package dev.llmock.cassette.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.LlmockException;
import dev.llmock.RequestKey;
import dev.llmock.Shape;
import dev.llmock.Violation;
import dev.llmock.cassette.CassetteCheck;
import dev.llmock.cassette.CassetteStats;
import dev.llmock.cassette.CorruptCassetteException;
import dev.llmock.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Checks cassette files without changing them: for {@code llmock cassettes verify} and {@code stats}. */
public final class CassetteVerifier {
    /** Longer files are not read just to see whether they hold only whitespace. */
    private static final long BLANK_CHECK_BYTES = 4096;

    private CassetteVerifier() {
    }

    /** The cassette files under {@code directory}, recursively, sorted; empty when it does not exist. */
    public static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new LlmockException("The cassette directory " + directory + " cannot be listed: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Checks one file: readable, a cassette, and every entry sound; counts entries older than {@code maxAge}. A file
     * whose name no cassette can have is skipped, and an empty file is a problem.
     */
    public static CassetteCheck check(Path file, Duration maxAge, Clock clock) {
        if (!CassetteNames.valid(CassetteNames.of(file))) {
            return CassetteCheck.skipped(file, Messages.oddName(CassetteNames.of(file)));
        }
        CassetteFile cassette = new CassetteFile(file);
        Map<String, ObjectNode> entries;
        try {
            if (blank(file)) {
                return new CassetteCheck(file, List.of(Messages.emptyCassette(file)), 0, null, null);
            }
            entries = cassette.read();
        } catch (CorruptCassetteException e) {
            return new CassetteCheck(file, List.of(e.getMessage()), 0, null, null);
        }
        List<String> problems = new ArrayList<>();
        int stale = 0;
        for (Map.Entry<String, ObjectNode> each : entries.entrySet()) {
            String key = each.getKey();
            ObjectNode entry = each.getValue();
            String test = EntryCodec.test(entry);
            checkEntry(key, entry).forEach(problem -> problems.add(Messages.entryProblem(key, test, problem)));
            Instant recordedAt = EntryCodec.recordedAt(entry);
            if (maxAge != null && recordedAt != null && recordedAt.plus(maxAge).isBefore(clock.instant())) {
                stale++;
            }
        }
        cassette.leftovers().forEach(leftover -> problems.add(Messages.leftoverTempFile(leftover)));
        return new CassetteCheck(file, problems, stale, stats(file, entries), null);
    }

    /** An empty (or whitespace-only) file: opening it records afresh, but it holds no cassette, which verify says. */
    private static boolean blank(Path file) {
        try {
            long size = Files.size(file);
            return size == 0 || (size < BLANK_CHECK_BYTES && Files.readString(file, StandardCharsets.UTF_8).isBlank());
        } catch (IOException e) {
            return false; // read() reports it
        }
    }

    private static List<String> checkEntry(String key, ObjectNode entry) {
        List<String> problems = new ArrayList<>();
        JsonNode request = entry.get("request");
        if (!RequestKey.isHash(key)) {
            problems.add("the key is not a SHA-256 in hex");
        } else if (!Json.compact(request).contains(Redactor.REDACTED) && !key.equals(RequestKey.of(request).hash())) {
            problems.add("the key does not match the request (was the request edited by hand?)");
        }
        if (EntryCodec.recordedAt(entry) == null) {
            problems.add("provenance.recordedAt is missing or not an ISO-8601 instant");
        }
        Shape shape;
        try {
            shape = Shape.fromJsonSchema(finalShape(request));
        } catch (LlmockException e) {
            problems.add("the request's shape cannot be read: " + e.getMessage());
            return problems;
        }
        int count = request.path("count").asInt(1);
        JsonNode fixture = entry.get("fixture");
        List<Violation> violations = new ArrayList<>();
        if (count == 1) {
            violations.addAll(shape.validate(fixture));
        } else if (!fixture.isArray() || fixture.size() != count) {
            problems.add("the fixture should be an array of " + count + " records");
        } else {
            for (int i = 0; i < count; i++) {
                String prefix = "/" + i;
                shape.validate(fixture.get(i)).forEach(v -> violations.add(new Violation(prefix + v.pointer(),
                        v.reason())));
            }
        }
        if (!violations.isEmpty()) {
            problems.add("the fixture does not fit its shape: " + violations.stream().limit(3)
                    .map(Violation::toString).collect(Collectors.joining("; "))
                    + (violations.size() > 3 ? " and " + (violations.size() - 3) + " more" : ""));
        }
        return problems;
    }

    /** The shape the fixture has: the last stage that widened it (an enrich stage's own shape), else the request's. */
    private static JsonNode finalShape(JsonNode request) {
        JsonNode shape = request.path("shape");
        for (JsonNode stage : request.path("stages")) {
            if (stage.has("shape")) {
                shape = stage.get("shape");
            }
        }
        return shape;
    }

    /** Facts about one cassette file, read without changing it. */
    public static CassetteStats stats(Path file) {
        return stats(file, new CassetteFile(file).read());
    }

    static CassetteStats stats(Path file, Map<String, ObjectNode> entries) {
        Map<String, Integer> backends = new HashMap<>();
        Instant oldest = null;
        Instant newest = null;
        for (ObjectNode entry : entries.values()) {
            backends.merge(entry.path("provenance").path("backend").asText("?"), 1, Integer::sum);
            Instant at = EntryCodec.recordedAt(entry);
            if (at != null) {
                oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
                newest = newest == null || at.isAfter(newest) ? at : newest;
            }
        }
        long size;
        try {
            size = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            size = 0;
        }
        return new CassetteStats(file, entries.size(), backends, oldest, newest, size);
    }
}

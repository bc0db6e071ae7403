package dev.llmock.cassette.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.FixtureRequest;
import dev.llmock.Provenance;
import dev.llmock.cassette.RecordMode;
import dev.llmock.internal.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalRecordingIndexTest {
    private static final List<String> SHAPES = List.of("{\"a\":\"string\"}", "{\"a\":\"string\",\"b\":0}",
            "{\"a\":\"string\",\"b\":0,\"c\":true}", "{\"a\":\"string\",\"c\":true}", "{\"x\":0}",
            "{\"a\":{\"d\":0}}", "{\"a\":{\"d\":0,\"e\":\"string\"}}");
    private static final List<String> LABELS = List.of("T.one()", "T.two()", "T.three()");

    @TempDir
    Path dir;

    /** How the entry to grow was found before the index: a pass over every entry. The index must agree with it. */
    private static IncrementalRecording.Growth linearScan(CassetteEntries entries, EntryCodec codec,
                                                          FixtureRequest request) {
        ObjectNode wanted = codec.request(request);
        String label = request.label();
        List<String> keys = new ArrayList<>();
        entries.forEach((key, entry) -> {
            if (IncrementalRecording.equalOutsideShape(entry.get("request"), wanted)) {
                keys.add(key);
            }
        });
        keys.sort(Comparator.<String, Boolean>comparing(k -> !Objects.equals(label, EntryCodec.test(entries.get(k))))
                .thenComparing(Comparator.naturalOrder()));
        for (String key : keys) {
            ObjectNode entry = entries.get(key);
            List<String> added = ShapeGrowth.addedFields(entry.get("request").path("shape"), wanted.path("shape"));
            if (added != null) {
                return new IncrementalRecording.Growth(key, entry, added);
            }
        }
        return null;
    }

    @Test
    void findsTheSameEntryToGrowAsAPassOverEveryEntryWhileEntriesComeAndGo() {
        CassetteEntries entries = CassetteEntries.load(new CassetteFile(dir.resolve("grow.json")), RecordMode.RECORD);
        EntryCodec codec = new EntryCodec(dir.resolve("grow.json"), new Redactor(List.of()));
        IncrementalRecording incremental = new IncrementalRecording(entries, codec);
        Random random = new Random(11);
        List<String> keys = new ArrayList<>();
        int grown = 0;
        for (int step = 0; step < 3_000; step++) {
            int action = random.nextInt(10);
            if (action < 6 || keys.isEmpty()) {
                FixtureRequest request = request(random);
                String key = request.key().hash();
                entries.put(key, codec.entry(request, Json.MAPPER.createObjectNode().put("a", "x"), provenance()));
                keys.add(key);
            } else if (action < 8) {
                String key = keys.get(random.nextInt(keys.size()));
                entries.removeIf((k, entry) -> k.equals(key));
            } else {
                entries.restore(keys.get(random.nextInt(keys.size())));
            }

            FixtureRequest asked = request(random);
            IncrementalRecording.Growth expected = linearScan(entries, codec, asked);
            IncrementalRecording.Growth found = incremental.find(asked);
            assertThat(found == null ? null : List.of(found.key(), found.newFields()))
                    .as("step %d", step)
                    .isEqualTo(expected == null ? null : List.of(expected.key(), expected.newFields()));
            grown += expected == null ? 0 : 1;
        }
        assertThat(grown).as("requests that found an entry to grow").isGreaterThan(300);
    }

    private static FixtureRequest request(Random random) {
        FixtureRequest.Builder request = FixtureRequest.newBuilder().shape(SHAPES.get(random.nextInt(SHAPES.size())))
                .variant(random.nextInt(3)).count(1 + random.nextInt(2));
        if (random.nextBoolean()) {
            request.prompt("p" + random.nextInt(2));
        }
        if (random.nextInt(4) > 0) {
            request.label(LABELS.get(random.nextInt(LABELS.size())));
        }
        return request.build();
    }

    private static Provenance provenance() {
        return new Provenance(Provenance.Source.GENERATED, "b", "synthetic", "datafaker", 1, Duration.ZERO, null,
                null, Instant.parse("2026-01-01T00:00:00Z"), Json.MAPPER.createObjectNode());
    }
}

package dev.llmock.cassette.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.CorruptCassetteException;
import dev.llmock.cassette.RecordMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassetteStreamTest {
    private static final String[] SHAPES = {"{\"name\":\"string\",\"age\":0}",
        "{\"name\":\"string\",\"tags\":[\"string\"],\"address\":{\"city\":\"string\",\"zip\":\"string\"}}",
        "{\"type\":\"object\",\"properties\":{\"price\":{\"type\":\"number\",\"multipleOf\":0.01}},"
                + "\"required\":[\"price\"]}"};

    @TempDir
    Path dir;

    private byte[] recorded() throws Exception {
        Cassettes cassettes = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build();
        try (Cassette cassette = cassettes.open("stream");
             Llmock llmock = Llmock.newBuilder().config(LlmockConfig.none()).interceptor(cassette.interceptor())
                     .build()) {
            for (int i = 0; i < 30; i++) {
                llmock.generate(FixtureRequest.newBuilder().shape(SHAPES[i % SHAPES.length]).variant(i)
                        .count(1 + i % 2).prompt(i % 4 == 0 ? "Zoë's \"quoted\" prompt" : null).label("T.t" + i)
                        .build());
            }
        }
        return Files.readAllBytes(dir.resolve("stream.json"));
    }

    @Test
    void readsTheEntriesTheWholeTreeHoldsAndSharesEqualShapes() throws Exception {
        byte[] bytes = recorded();

        Map<String, ObjectNode> streamed = CassetteStream.entries(bytes);

        assertThat(streamed).isEqualTo(CassetteFile.parse(new String(bytes, StandardCharsets.UTF_8), dir));
        assertThat(streamed).hasSize(30);
        assertThat(streamed.values().stream().map(entry -> entry.get("request").get("shape"))
                .map(System::identityHashCode).distinct()).hasSize(SHAPES.length);
    }

    @Test
    void answersOnlyWhatTheWholeTreeAnswersForDamagedFiles() throws Exception {
        byte[] valid = recorded();
        Random random = new Random(23);
        int streamedDamaged = 0;
        for (int i = 0; i < 600; i++) {
            byte[] damaged = damage(valid, random);
            Map<String, ObjectNode> streamed = CassetteStream.entries(damaged);
            if (streamed == null) {
                continue;
            }
            TreeMap<String, ObjectNode> whole;
            try {
                whole = CassetteFile.parse(new String(damaged, StandardCharsets.UTF_8), dir);
            } catch (CorruptCassetteException e) {
                throw new AssertionError("streamed a file the whole tree refuses: " + e.getMessage());
            }
            assertThat(streamed).isEqualTo(whole);
            streamedDamaged++;
        }
        // changed letters inside strings leave valid cassettes: those are streamed
        assertThat(streamedDamaged).isGreaterThan(20);
    }

    @Test
    void leavesOddButValidFilesToTheWholeTree() {
        for (String odd : new String[] {"{\"version\":1,\"version\":1,\"entries\":{}}",
            "{\"version\":1.0,\"entries\":{}}", "{\"version\":2,\"entries\":{}}", "{\"entries\":{}}",
            "{\"version\":1,\"entries\":{}} {}", "[1]", "{\"version\":1,\"entries\":{\"k\":{\"request\":{}}}}"}) {
            assertThat(CassetteStream.entries(odd.getBytes(StandardCharsets.UTF_8))).as(odd).isNull();
        }
        assertThat(CassetteStream.entries("{\"version\":1,\"entries\":{},\"note\":[1,{}]}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(Map.of());
    }

    /** The file with a byte changed, a stretch cut out or repeated, or cut short. */
    private static byte[] damage(byte[] valid, Random random) {
        int at = random.nextInt(valid.length);
        switch (random.nextInt(4)) {
            case 0: {
                byte[] copy = valid.clone();
                String replacements = "{}[],:\"\\ 0aZ.-e";
                copy[at] = (byte) replacements.charAt(random.nextInt(replacements.length()));
                return copy;
            }
            case 1: {
                int end = Math.min(valid.length, at + 1 + random.nextInt(40));
                byte[] copy = new byte[valid.length - (end - at)];
                System.arraycopy(valid, 0, copy, 0, at);
                System.arraycopy(valid, end, copy, at, valid.length - end);
                return copy;
            }
            case 2: {
                int length = Math.min(valid.length - at, 1 + random.nextInt(40));
                byte[] copy = new byte[valid.length + length];
                System.arraycopy(valid, 0, copy, 0, at + length);
                System.arraycopy(valid, at, copy, at + length, valid.length - at);
                return copy;
            }
            default:
                return Arrays.copyOf(valid, at);
        }
    }
}

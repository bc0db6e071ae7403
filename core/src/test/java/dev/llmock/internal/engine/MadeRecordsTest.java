package dev.llmock.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import org.junit.jupiter.api.Test;

class MadeRecordsTest {
    private static final Shape USER = Shape.parse("{\"name\":\"string\",\"email\":\"email\",\"age\":0}");

    @Test
    void aDuplicateIsAWholeRecordSeenBeforeNotOneSharingOnlyItsIdentifyingValues() {
        IdentifyingFields identifying = IdentifyingFields.of(USER);
        JsonNode block = Simulated.json("[{'name':'Ada','email':'ada@x.io','age':36},"
                + "{'name':'Ada','email':'ada@x.io','age':37},"
                + "{'name':'Bob','email':'bob@x.io','age':40},"
                + "{'name':'Ada','email':'ada@x.io','age':36}]");
        int[] hashes = MadeRecords.hashes(block, identifying);
        MadeRecords made = new MadeRecords(6);
        for (int i = 0; i < block.size(); i++) {
            made.put(i + 1, block.get(i), hashes[i]);
        }

        assertThat(identifying.pointers()).containsExactly("/name", "/email");
        assertThat(hashes[1]).isEqualTo(hashes[0]);
        assertThat(made.gaps(true)).containsExactly(0, 4, 5);
        assertThat(made.gaps(false)).containsExactly(0, 5);
    }

    @Test
    void withoutIdentifyingFieldsTheFingerprintIsTheRecordsOwnHash() {
        IdentifyingFields none = IdentifyingFields.of(Shape.parse("{\"active\":true,\"age\":0}"));
        JsonNode record = Simulated.json("{'active':true,'age':3}");

        assertThat(none.pointers()).isEmpty();
        assertThat(none.fingerprint(record)).isEqualTo(record.hashCode());
    }
}

package dev.llmock.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Consensus over three backends on the same real model: each call has its own seed, so the answers differ, and the
 * provenance says how far they agree. With two yes-or-no fields and three answers, some answer holds the majority
 * value of both, and the answer closest to the others is such an answer.
 */
class ConsensusOnLocalModelTest {
    static final String SHAPE = "{\"flag\":true,\"level\":\"low|high\"}";

    @Test
    void theProvenanceReportsTheAgreementAndTheWinnerHoldsTheMajorityOfEachField() {
        List<RecordingBackend> backends = new ArrayList<>();
        Llmock.Builder builder = Llmock.newBuilder().cache(false);
        for (String name : List.of("a", "b", "c")) {
            RecordingBackend backend = new RecordingBackend(LocalBackend.create("{\"backends\":[{\"name\":\"" + name
                    + "\",\"provider\":\"llamacpp\",\"model\":" + TinyModel.json() + ",\"contextSize\":2048,"
                    + "\"threads\":2,\"maxTokens\":256}]}", "llmock.json"));
            backends.add(backend);
            builder.backend(backend);
        }
        Fixture fixture;
        try (Llmock llmock = builder.build()) {
            fixture = llmock.generate(FixtureRequest.newBuilder().shape(SHAPE).consensus("a", "b", "c").build());
        }

        List<JsonNode> answers = backends.stream().map(b -> b.answers().get(0)).toList();
        JsonNode consensus = fixture.provenance().details().get("consensus");
        System.out.println("tiny model, consensus of " + answers + ": " + consensus);
        assertThat(backends).extracting(b -> b.requests().get(0).seed()).doesNotHaveDuplicates();
        assertThat(consensus.get("answers").findValuesAsText("backend")).containsExactly("a", "b", "c");
        assertThat(consensus.get("answers").findValues("agreement")).hasSize(3)
                .allSatisfy(share -> assertThat(share.asDouble()).isBetween(0.0, 1.0));
        assertThat(consensus.get("fields").fieldNames()).toIterable().containsExactly("/flag", "/level");
        assertThat(consensus.get("agreement").asDouble()).isBetween(0.0, 1.0);
        for (String field : List.of("flag", "level")) {
            long agreeing = answers.stream().filter(a -> a.get(field).equals(fixture.json().get(field))).count();
            assertThat(agreeing).as(field).isGreaterThanOrEqualTo(2);
        }
    }
}

package dev.llmock.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.Llmock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values that code samples for distribution directives reach the real model in its prompt, record by record, before
 * it writes the other fields; the final records carry exactly those values.
 */
class DistributionsOnLocalModelTest {
    static final String RETIREES = "{\"name\":\"string\",\"age\":\"int ~ normal(60, 12) in [18, 100]\","
            + "\"retired\":true}";

    @Test
    void theModelIsToldEachRecordsSampledAgeAndTheRecordsKeepIt() {
        Fixture fixture;
        List<String> prompts;
        try (Llmock llmock = LocalBackend.engine(""); PromptLog log = new PromptLog()) {
            fixture = llmock.generate(LocalBackend.fixtureRequest(RETIREES, 4));
            prompts = log.prompts();
        }

        JsonNode records = fixture.json();
        assertThat(records).hasSize(4);
        assertThat(prompts).isNotEmpty();
        String first = prompts.get(0);
        assertThat(first).contains("These values are fixed by code: use them exactly as given, and write the other"
                + " fields so that they agree with them (one line per record of your answer, in order):");
        for (int i = 0; i < records.size(); i++) {
            assertThat(first).contains("\n" + (i + 1) + ". {\"age\":" + records.get(i).get("age").asInt() + "}");
        }
        assertThat(fixture.provenance().details().at("/distributions/fields/0/pointer").asText()).isEqualTo("/age");
    }
}

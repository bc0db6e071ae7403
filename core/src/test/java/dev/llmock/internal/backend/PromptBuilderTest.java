package dev.llmock.internal.backend;

import static dev.llmock.internal.backend.http.LoopbackLlm.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.Stage;
import dev.llmock.Violation;
import dev.llmock.spi.BackendRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {
    private static final Shape SHAPE = Shape.parse("{\"name\":\"string\",\"age\":0}");

    private static BackendRequest request(Stage.Role role, int count) {
        return new BackendRequest(role, SHAPE, count, 0, "Germans from the 19th century", List.of("age is over 18"),
                role == Stage.Role.GENERATE ? null : json("[{\"name\":\"Ada\",\"age\":36},{\"name\":\"Bo\",\"age\":2}]"),
                List.of(), json("{\"country\":\"DE\"}"), 7, null);
    }

    @Test
    void asksForExactlyNRecordsWithInstructionsRulesAndContext() {
        BackendRequest request = request(Stage.Role.GENERATE, 2);
        PromptBuilder.Prompt prompt = PromptBuilder.build(request,
                ProviderSchema.of(SHAPE, 2, LlmockConfig.Limits.DEFAULT), true);

        assertThat(prompt.system()).contains("JSON array of exactly 2 records").contains("JSON Schema")
                .contains("\"minItems\" : 2");
        assertThat(prompt.user()).startsWith("Generate exactly 2 different records")
                .contains("Instructions:\nGermans from the 19th century")
                .contains("Rules every record must follow:\n- age is over 18")
                .contains("The data must agree with this context:\n{\n  \"country\" : \"DE\"\n}");
    }

    @Test
    void saysWhichRecordsOfTheRequestACallAsksForAndWhichValuesOtherRecordsHave() {
        BackendRequest batch = new BackendRequest(Stage.Role.GENERATE, SHAPE, 8, 8, null, List.of(), null, List.of(),
                null, 7, null, 50, json("{\"/name\":[\"Ada\",\"Bo\"]}"));
        BackendRequest again = new BackendRequest(Stage.Role.GENERATE, SHAPE, 2, 50, null, List.of(), null, List.of(),
                null, 8, null, 50, null);

        String user = PromptBuilder.build(batch, ProviderSchema.of(SHAPE, 8, LlmockConfig.Limits.DEFAULT), false).user();
        String userAgain = PromptBuilder.build(again, ProviderSchema.of(SHAPE, 2, LlmockConfig.Limits.DEFAULT), false)
                .user();

        assertThat(user).startsWith("Generate exactly 8 different records (a JSON array of exactly 8 under \"items\")."
                + " They are records 9-16 of 50.\n\nOther records already have these values; do not repeat them:\n"
                + "- name: [\"Ada\",\"Bo\"]");
        assertThat(userAgain).contains(" They replace records of the 50 asked for that repeated other records or were"
                + " missing, so each must differ from every record made so far.");
    }

    @Test
    void givesTheModelTheValuesFixedByCodeRecordByRecord() {
        BackendRequest request = new BackendRequest(Stage.Role.GENERATE, SHAPE, 2, 0, null, List.of(),
                json("[{\"age\":31},{\"age\":67}]"), List.of(), null, 7, null);

        String user = PromptBuilder.build(request, ProviderSchema.of(SHAPE, 2, LlmockConfig.Limits.DEFAULT), false)
                .user();

        assertThat(user).contains("These values are fixed by code: use them exactly as given, and write the other"
                + " fields so that they agree with them (one line per record of your answer, in order):\n"
                + "1. {\"age\":31}\n2. {\"age\":67}");
    }

    @Test
    void leavesTheSchemaOutWhenTheRequestCarriesIt() {
        PromptBuilder.Prompt prompt = PromptBuilder.build(request(Stage.Role.GENERATE, 1),
                ProviderSchema.of(SHAPE, 1, LlmockConfig.Limits.DEFAULT), false);

        assertThat(prompt.system()).doesNotContain("JSON Schema");
        assertThat(prompt.user()).startsWith("Generate one record.");
    }

    @Test
    void givesLaterStagesThePreviousOutput() {
        PromptBuilder.Prompt enrich = PromptBuilder.build(request(Stage.Role.ENRICH, 2),
                ProviderSchema.of(SHAPE, 2, LlmockConfig.Limits.DEFAULT), false);
        PromptBuilder.Prompt validate = PromptBuilder.build(request(Stage.Role.VALIDATE, 2),
                ProviderSchema.of(SHAPE, 2, LlmockConfig.Limits.DEFAULT), false);

        assertThat(enrich.user()).startsWith("Enrich this data").contains("\"name\" : \"Ada\"");
        assertThat(validate.user()).startsWith("Judge this data against the schema and every rule below, and answer"
                + " with a verdict: \"valid\" is true when the data is right and plausible; otherwise it is false,"
                + " \"problems\" lists each problem (\"pointer\": a JSON Pointer into the data such as /0/email, and"
                + " \"reason\"), and \"corrected\" holds the whole data corrected, keeping what is right.")
                .contains("\"name\" : \"Bo\"");
    }

    @Test
    void listsTheViolationsToRepair() {
        BackendRequest repair = request(Stage.Role.GENERATE, 2).repairing(json("[{\"name\":\"Ada\",\"age\":\"x\"}]"),
                List.of(new Violation("/0/age", "expected an integer"), new Violation("", "expected 2 records")));

        PromptBuilder.Prompt prompt = PromptBuilder.build(repair, ProviderSchema.of(SHAPE, 2,
                LlmockConfig.Limits.DEFAULT), false);

        assertThat(prompt.user()).startsWith("Your previous answer does not fit the schema.")
                .contains("\n- /0/age: expected an integer\n- (root): expected 2 records")
                .contains("Previous answer:\n[ {").contains("Answer with exactly 2 records under \"items\".");
    }
}

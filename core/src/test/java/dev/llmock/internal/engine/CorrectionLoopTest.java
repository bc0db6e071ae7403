package dev.llmock.internal.engine;

import static dev.llmock.internal.engine.Simulated.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.GenerationException;
import dev.llmock.Llmock;
import dev.llmock.Rule;
import dev.llmock.Stage;
import dev.llmock.Violation;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;

class CorrectionLoopTest {
    private static final String USER = "{\"name\":\"string\",\"email\":\"email\"}";

    @Test
    void violationsFoundInCodeGoToTheCorrectorUntilTheDataFits() {
        Simulated fast = Simulated.answering("fast", "{'name':'Ada','email':'not an email'}");
        Simulated fixer = Simulated.answering("fixer", "{'name':'Ada','email':'ada@example.org'}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).backend(fixer).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(USER).backend("fast").corrector("fixer")
                    .build());

            assertThat(fixture.json()).isEqualTo(json("{'name':'Ada','email':'ada@example.org'}"));
            assertThat(fixture.provenance().attempts()).isEqualTo(2);
            assertThat(fixer.calls()).hasSize(1);
            assertThat(fixer.calls().get(0).repair())
                    .containsExactly(new Violation("/email", "\"not an email\" is not an email address"));
            assertThat(fixer.calls().get(0).previous()).isEqualTo(json("{'name':'Ada','email':'not an email'}"));
            JsonNode stage = fixture.provenance().details().get("stages").get(0);
            assertThat(stage.get("corrections").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aRuleWrittenAsAJavaPredicateDrivesTheLoop() {
        Simulated fast = Simulated.answering("fast", "{'name':'Bob','email':'bob@example.org'}",
                "{'name':'Ada','email':'ada@example.org'}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(USER).backend("fast")
                    .rule(Rule.of("names start with A", r -> r.path("name").asText().startsWith("A"))).build());

            assertThat(fixture.json().get("name").asText()).isEqualTo("Ada");
            assertThat(fast.calls().get(1).repair())
                    .containsExactly(new Violation("", "breaks the rule: names start with A"));
        }
    }

    @Test
    void aValidatorBackendJudgesRulesInWordsAndItsViolationsGoToTheCorrector() {
        Simulated fast = Simulated.answering("fast", "{'name':'Ada','email':'ada@example.org'}");
        Simulated judge = Simulated.answering("judge",
                "{'valid':false,'violations':[{'pointer':'/email','reason':'must be at acme.com'}]}",
                "{'valid':true,'violations':[]}");
        Simulated fixer = Simulated.answering("fixer", "{'name':'Ada','email':'ada@acme.com'}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).backend(judge).backend(fixer).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(USER).backend("fast")
                    .rule("every email is at acme.com").validate("judge").corrector("fixer").build());

            assertThat(fixture.json()).isEqualTo(json("{'name':'Ada','email':'ada@acme.com'}"));
            assertThat(judge.calls()).hasSize(2);
            assertThat(judge.calls().get(0).role()).isEqualTo(Stage.Role.VALIDATE);
            assertThat(judge.calls().get(0).rules()).containsExactly("every email is at acme.com");
            assertThat(judge.calls().get(0).previous()).isEqualTo(json("{'name':'Ada','email':'ada@example.org'}"));
            assertThat(fixer.calls().get(0).repair()).containsExactly(new Violation("/email", "must be at acme.com"));
            JsonNode validate = fixture.provenance().details().get("stages").get(1);
            assertThat(validate.get("backend").asText()).isEqualTo("judge");
            assertThat(validate.get("validatorCalls").asInt()).isEqualTo(2);
            assertThat(validate.get("corrections").asInt()).isEqualTo(1);
        }
    }

    @Test
    void rulesInWordsThatNoModelJudgedAreReportedUncheckedWithTheReason() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            FixtureRequest.Builder request = FixtureRequest.newBuilder().shape(USER)
                    .rule("every email is at acme.com");
            JsonNode unvalidated = llmock.generate(request.build()).provenance().details().get("unchecked");
            JsonNode synthetic = llmock.generate(FixtureRequest.newBuilder().shape(USER)
                    .rule("every email is at acme.com").validate("judge").build()).provenance().details()
                    .get("unchecked");

            assertThat(unvalidated.toString()).isEqualTo("{\"rules\":[\"every email is at acme.com\"],\"reason\":"
                    + "\"no validate stage judged them; add one on an LLM backend (validate(\\\"name\\\")) to have"
                    + " them checked\"}");
            assertThat(synthetic.get("reason").asText()).isEqualTo("the validator \"judge\" (synthetic) answered with"
                    + " data, not a verdict, so no model judged them; validate on an LLM backend to have them checked");
        }
    }

    @Test
    void aVerdictThatCorrectsTheDataIsJudgedAgainWithoutAskingTheCorrector() {
        Simulated fast = Simulated.answering("fast", "{'name':'Ada','email':'ada@example.org'}");
        Simulated judge = Simulated.answering("judge",
                "{'valid':false,'problems':[{'pointer':'/email','reason':'must be at acme.com'}],"
                        + "'corrected':{'name':'Ada','email':'ada@acme.com'}}",
                "{'valid':true,'problems':[],'corrected':null}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).backend(judge).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(USER).backend("fast")
                    .rule("every email is at acme.com").validate("judge").build());

            assertThat(fixture.json()).isEqualTo(json("{'name':'Ada','email':'ada@acme.com'}"));
            assertThat(judge.calls()).hasSize(2).allSatisfy(call -> assertThat(call.repair()).isEmpty());
            assertThat(judge.calls().get(1).previous()).isEqualTo(json("{'name':'Ada','email':'ada@acme.com'}"));
            assertThat(fixture.provenance().details().has("unchecked")).isFalse();
        }
    }

    @Test
    void theFinalBackendGetsOneLastTryWhenTheAttemptsAreUsedUp() {
        Simulated fast = Simulated.answering("fast", "{'name':'Ada','email':'nope'}");
        Simulated premium = Simulated.answering("premium", "{'name':'Ada','email':'ada@example.org'}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).backend(premium).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape(USER).backend("fast").maxAttempts(2)
                    .finalBackend("premium").build());

            assertThat(fixture.json().get("email").asText()).isEqualTo("ada@example.org");
            assertThat(fast.calls()).hasSize(2);
            assertThat(premium.calls()).hasSize(1);
            assertThat(fixture.provenance().details().get("stages").get(0).get("finalTries").asInt()).isEqualTo(1);
        }
    }

    @Test
    void exhaustionFailsWithWhatStillFailsAndTheLastOutput() {
        Simulated fast = Simulated.answering("fast", "{'name':'Ada','email':'nope'}");
        Simulated premium = Simulated.answering("premium", "{'name':'Ada','email':'still nope'}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).backend(premium).build()) {
            GenerationException error = catchThrowableOfType(() -> llmock.generate(FixtureRequest.newBuilder().shape(USER)
                    .backend("fast").maxAttempts(2).finalBackend("premium").label("UserTest.signsUp(User)").build()),
                    GenerationException.class);

            assertThat(error).hasMessage("The backend \"fast\" (simulated, model sim-1) produced data that does not fit"
                    + " the shape after 2 attempts for UserTest.signsUp(User); final try on \"premium\". Still failing:\n"
                    + "  /email: \"still nope\" is not an email address\n"
                    + "Last output: {\"name\":\"Ada\",\"email\":\"still nope\"}\n"
                    + "Raise maxAttempts, relax the shape or rules, or use a stronger backend.");
            assertThat(error.violations()).containsExactly(new Violation("/email", "\"still nope\" is not an email address"));
            assertThat(error.lastOutput()).isEqualTo(json("{'name':'Ada','email':'still nope'}"));
        }
    }

    record Adult(String name, @Min(18) int age) {
    }

    @Test
    void beanValidationOnTheTargetTypeIsCheckedInCode() {
        Simulated fast = Simulated.answering("fast", "{'name':'Tim','age':12}", "{'name':'Tim','age':30}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape("{\"name\":\"string\",\"age\":0}")
                    .backend("fast").targetType(Adult.class).build());

            assertThat(fixture.as(Adult.class)).isEqualTo(new Adult("Tim", 30));
            assertThat(fast.calls().get(1).repair()).containsExactly(
                    new Violation("/age", "must be greater than or equal to 18 (Bean Validation @Min)"));
        }
    }

    @Test
    void aValueTheTargetTypeCannotHoldGoesBackForRepairLikeAViolation() {
        Simulated fast = Simulated.answering("fast", "{'name':'Tim','age':6461921467}", "{'name':'Tim','age':30}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape("{\"name\":\"string\",\"age\":0}")
                    .backend("fast").targetType(Adult.class).build());

            assertThat(fixture.as(Adult.class)).isEqualTo(new Adult("Tim", 30));
            assertThat(fast.calls().get(1).repair()).singleElement().satisfies(violation -> {
                assertThat(violation.pointer()).isEqualTo("/age");
                assertThat(violation.reason()).startsWith("does not map onto " + Adult.class.getTypeName() + ": ")
                        .contains("6461921467");
            });
        }
    }

    /** Jackson cannot build it from JSON at all: no constructor it could use. */
    static final class NoCreator {
        private NoCreator(String name, int unused) {
        }
    }

    @Test
    void aTargetTypeJacksonCannotBuildIsLeftForFixtureAsToExplainRatherThanRepaired() {
        Simulated fast = Simulated.answering("fast", "{'name':'Tim'}");
        try (Llmock llmock = Llmock.newBuilder().backend(fast).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape("{\"name\":\"string\"}")
                    .backend("fast").targetType(NoCreator.class).build());

            assertThat(fast.calls()).hasSize(1);
            assertThat(fixture.json()).isEqualTo(json("{'name':'Tim'}"));
        }
    }

    @Test
    void theTargetTypeIsPartOfTheCassetteKey() {
        FixtureRequest typed = FixtureRequest.newBuilder().shape("{\"age\":0}").targetType(Adult.class).build();

        assertThat(typed.key().json().get("targetType").asText()).isEqualTo(Adult.class.getTypeName());
        assertThat(typed.key()).isNotEqualTo(FixtureRequest.newBuilder().shape("{\"age\":0}").build().key());
    }
}

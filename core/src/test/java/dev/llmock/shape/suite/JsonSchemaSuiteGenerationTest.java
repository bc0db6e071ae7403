package dev.llmock.shape.suite;

import static dev.llmock.shape.suite.Tally.Outcome.CRASHED;
import static dev.llmock.shape.suite.Tally.Outcome.REFUSED;
import static dev.llmock.shape.suite.Tally.Outcome.RIGHT;
import static dev.llmock.shape.suite.Tally.Outcome.UNJUDGED;
import static dev.llmock.shape.suite.Tally.Outcome.WRONG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockException;
import dev.llmock.Shape;
import dev.llmock.shape.suite.JsonSchemaSuite.Group;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * One instance per satisfiable schema of the suite, generated through the public engine on the synthetic backend
 * and judged by an independent validator (json-sKema), not by the one llmock uses.
 */
class JsonSchemaSuiteGenerationTest {

    @Test
    void neverReturnsAnInstanceThatBreaksItsSchemaAndGeneratesAtLeast85PercentOfSatisfiableSchemas(
            TestReporter reporter) {
        Tally tally = run(JsonSchemaSuite.groups("draft2020-12", JsonSchemaSuite.NOT_COUNTED));
        reporter.publishEntry("generation", tally.summary("satisfiable schemas", "valid", "invalid", "refused",
                "crashed"));
        System.out.println("draft2020-12 generation: " + tally.summary("satisfiable schemas", "valid", "invalid",
                "refused", "crashed") + "; refused:" + tally.list(REFUSED, 100) + "\nunjudged:" + tally.list(UNJUDGED, 20));

        assertThat(tally.count(WRONG)).as("instances that break their schema:" + tally.list(WRONG, 40)).isZero();
        assertThat(tally.count(CRASHED)).as("crashes:" + tally.list(CRASHED, 40)).isZero();
        // Instances the judge cannot judge count as not generated.
        assertThat(tally.share(RIGHT)).as("share generated; refused:" + tally.list(REFUSED, 80))
                .isGreaterThanOrEqualTo(0.85);
    }

    static Tally run(List<Group> groups) {
        Tally tally = new Tally();
        IndependentJudge judge = new IndependentJudge();
        try (Llmock llmock = Llmock.newBuilder().build()) {
            for (Group group : groups) {
                if (!group.satisfiable()) {
                    continue;
                }
                JsonNode instance;
                try {
                    instance = llmock.generate(FixtureRequest.newBuilder()
                            .shape(Shape.fromJsonSchema(group.schema())).build()).json();
                } catch (LlmockException e) {
                    tally.add(REFUSED, group.name() + ": " + e.getMessage().lines().findFirst().orElse(""));
                    continue;
                } catch (RuntimeException e) {
                    tally.add(CRASHED, group.name() + ": " + e);
                    continue;
                }
                String problem;
                try {
                    String disagreement = judge.disagreement(group);
                    if (disagreement != null) {
                        // A judge that answers this schema's own suite cases wrongly gives no verdict on it.
                        tally.add(UNJUDGED, group.name() + ": " + instance + " (the judge " + disagreement + ")");
                        continue;
                    }
                    problem = judge.problem(group.schema(), instance);
                } catch (RuntimeException e) {
                    // The judge cannot read this schema (json-sKema compiles patterns as Java regexes): no verdict.
                    tally.add(UNJUDGED, group.name() + ": " + instance + " (the judge failed: " + e + ")");
                    continue;
                }
                tally.add(problem == null ? RIGHT : WRONG, group.name() + ": " + instance + (problem == null ? ""
                        : " breaks it: " + problem));
            }
        }
        return tally;
    }

}

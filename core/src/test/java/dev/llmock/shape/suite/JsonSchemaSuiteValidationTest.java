package dev.llmock.shape.suite;

import static dev.llmock.shape.suite.Tally.Outcome.CRASHED;
import static dev.llmock.shape.suite.Tally.Outcome.REFUSED;
import static dev.llmock.shape.suite.Tally.Outcome.RIGHT;
import static dev.llmock.shape.suite.Tally.Outcome.WRONG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.Shape;
import dev.llmock.ShapeException;
import dev.llmock.shape.suite.JsonSchemaSuite.Case;
import dev.llmock.shape.suite.JsonSchemaSuite.Group;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** The draft 2020-12 suite through the public API: {@code Shape.fromJsonSchema(schema).validate(data)}. */
public class JsonSchemaSuiteValidationTest {

    @Test
    void answersEveryDraft202012CaseRightOrRefusesItAndGetsAtLeast97PercentRight(TestReporter reporter) {
        Tally tally = run(JsonSchemaSuite.groups("draft2020-12", JsonSchemaSuite.NOT_COUNTED));
        reporter.publishEntry("validation", tally.summary("cases", "right", "wrong", "refused", "crashed"));
        System.out.println("draft2020-12 validation: " + tally.summary("cases", "right", "wrong", "refused", "crashed")
                + "; refused:" + tally.list(REFUSED, 100));

        assertThat(tally.count(WRONG)).as("wrong answers:" + tally.list(WRONG, 40)).isZero();
        assertThat(tally.count(CRASHED)).as("crashes:" + tally.list(CRASHED, 40)).isZero();
        assertThat(tally.share(RIGHT)).as("share answered right; refused:" + tally.list(REFUSED, 60))
                .isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void answersTheOptionalDraft202012CasesWithoutCrashing(TestReporter reporter) {
        Tally tally = run(JsonSchemaSuite.groups("draft2020-12/optional", Set.of()));
        reporter.publishEntry("optional validation", tally.summary("cases", "right", "wrong", "refused", "crashed"));
        System.out.println("draft2020-12/optional validation: "
                + tally.summary("cases", "right", "wrong", "refused", "crashed") + "; wrong:" + tally.list(WRONG, 40)
                + "\nrefused:" + tally.list(REFUSED, 40));

        assertThat(tally.count(CRASHED)).as("crashes:" + tally.list(CRASHED, 40)).isZero();
    }

    public static Tally run(List<Group> groups) {
        Tally tally = new Tally();
        for (Group group : groups) {
            Shape shape;
            try {
                shape = Shape.fromJsonSchema(group.schema());
            } catch (ShapeException e) {
                group.tests().forEach(test -> tally.add(REFUSED, group.name() + ": " + e.getMessage()));
                continue;
            } catch (RuntimeException e) {
                group.tests().forEach(test -> tally.add(CRASHED, group.name() + ": " + e));
                continue;
            }
            for (Case test : group.tests()) {
                String what = group.name() + " / " + test.description();
                try {
                    boolean valid = shape.validate(test.data()).isEmpty();
                    tally.add(valid == test.valid() ? RIGHT : WRONG, what + " (expected valid=" + test.valid() + ")");
                } catch (ShapeException e) {
                    tally.add(REFUSED, what + ": " + e.getMessage());
                } catch (RuntimeException e) {
                    tally.add(CRASHED, what + ": " + e);
                }
            }
        }
        return tally;
    }
}

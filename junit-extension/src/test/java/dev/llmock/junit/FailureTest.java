package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

class FailureTest {
    @TempDir
    Path cassettes;

    record User(String firstName, String email, int age) {
    }

    static class FailingTestCase {
        @Test
        void failsOnPurpose(@Generated User user) {
            throw new AssertionError("the real failure for " + user.firstName());
        }
    }

    static class MismatchTestCase {
        @Test
        void mismatch(@Generated(shape = "{\"firstName\":0,\"nickname\":\"string\",\"email\":\"email\"}") User user) {
        }
    }

    static class CountWithoutContainerTestCase {
        @Test
        void single(@Generated(count = 3) User user) {
        }
    }

    private static Throwable failure(EngineExecutionResults results) {
        return results.testEvents().failed().stream().findFirst().flatMap(Event::getPayload)
                .map(p -> ((TestExecutionResult) p).getThrowable().orElseThrow()).orElseThrow();
    }

    @Test
    void failingTestKeepsItsOwnExceptionAndCarriesTheFixturesProvenance() {
        Throwable failure = failure(Kit.run(FailingTestCase.class, cassettes, "record"));

        assertThat(failure).isInstanceOf(AssertionError.class).hasMessageStartingWith("the real failure for ");
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0].getMessage())
                .startsWith("llmock fixtures of this test:\n  parameter 0 (User) of FailingTestCase.failsOnPurpose(User):"
                        + " generated via cassette " + cassettes.resolve(FailingTestCase.class.getName() + ".json"))
                .contains("backend synthetic (synthetic, model datafaker), variant 0")
                .endsWith("run with -Dllmock.mode=replay to be sure no backend is called.");
    }

    @Test
    void fixturesRecordedForAFailingTestAreKeptSoTheFailureReplays() throws Exception {
        Throwable recorded = failure(Kit.run(FailingTestCase.class, cassettes, "record"));
        Path file = cassettes.resolve(FailingTestCase.class.getName() + ".json");
        assertThat(Files.exists(file)).isTrue();

        Throwable replayed = failure(Kit.run(FailingTestCase.class, cassettes, "replay"));

        assertThat(replayed.getMessage()).isEqualTo(recorded.getMessage());
        assertThat(Json.MAPPER.readTree(file.toFile()).toString()).contains("FailingTestCase.failsOnPurpose(User)");
    }

    @Test
    void shapeThatDoesNotFitTheTypeFailsBeforeTheTestRuns() {
        Throwable failure = failure(Kit.run(MismatchTestCase.class, cassettes, "record"));

        assertThat(failure).hasMessage("@Generated parameter 0 (User) of MismatchTestCase.mismatch(User) does not fit"
                + " its shape: User.firstName is string in the type but integer in the shape; the shape has"
                + " \"nickname\", which User does not have; User.age (integer) is missing from the shape. Fix the shape,"
                + " or leave it out so llmock derives it from User.");
    }

    @Test
    void countAboveOneNeedsAContainer() {
        Throwable failure = failure(Kit.run(CountWithoutContainerTestCase.class, cassettes, "record"));

        assertThat(failure).hasMessage("@Generated parameter 0 (User) of CountWithoutContainerTestCase.single(User)"
                + " has count = 3, but its type User holds one record. Use List<User>, Set<User>, User[] or"
                + " Stream<User>, or count = 1.");
    }

    @Test
    void sameTestGetsTheSameFixturesOnEveryRun() throws Exception {
        Throwable first = failure(Kit.run(FailingTestCase.class, cassettes, "live"));
        Throwable second = failure(Kit.run(FailingTestCase.class, cassettes, "live"));

        assertThat(second.getMessage()).isEqualTo(first.getMessage());
        assertThat(List.of(cassettes.toFile().list())).isEmpty();
    }
}

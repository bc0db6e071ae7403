package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.GenerationException;
import dev.llmock.Stage;
import dev.llmock.Violation;
import dev.llmock.internal.engine.BackendCalls.Candidate;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendRequest;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The validation and correction loop of one call: checks in code first (shape, rules, Bean Validation), then the
 * validator backend when the stage has one; violations go to the corrector (or, when the validator's verdict came
 * with corrected data, that data is judged next), up to {@code maxAttempts} rounds; then the final backend gets one
 * last try; then a {@link GenerationException} lists what still fails, with the last output.
 */
final class CorrectionLoop {
    private final BackendCalls calls;
    private final RecordChecks checks;
    private final int maxAttempts;
    private final String label;

    CorrectionLoop(BackendCalls calls, RecordChecks checks, int maxAttempts, String label) {
        this.calls = calls;
        this.checks = checks;
        this.maxAttempts = maxAttempts;
        this.label = label;
    }

    RecordChecks checks() {
        return checks;
    }

    /** The loop of one part of a request, named {@code part}: its records are checked against their shape alone. */
    CorrectionLoop forPart(String part) {
        return new CorrectionLoop(calls, RecordChecks.shapeOnly(), maxAttempts,
                label == null ? "part \"" + part + "\"" : label + ", part \"" + part + "\"");
    }

    /**
     * The backends of one stage.
     *
     * @param producer     made the data (for messages); for a VALIDATE stage, the validator
     * @param validator    judges data that passed the checks in code, or null
     * @param corrector    gets the violations
     * @param finalBackend one last try when the rounds are used up, or null
     */
    record Crew(Backend producer, Backend validator, Backend corrector, Backend finalBackend) {
    }

    /**
     * What the checks and the validator found in one answer.
     *
     * @param corrected the data a validator's verdict corrected, to judge in the next round instead of asking the
     *                  corrector, or null
     */
    private record Judged(JsonNode json, List<Violation> violations, JsonNode corrected) {
        Judged(JsonNode json, List<Violation> violations) {
            this(json, violations, null);
        }
    }

    JsonNode run(Crew crew, BackendRequest call, Supplier<Candidate> firstTry, UnaryOperator<JsonNode> prepare,
                 boolean allowShort, Totals totals) {
        JsonNode candidate = null;
        List<Violation> violations = List.of();
        JsonNode corrected = null;
        for (int round = 1; round <= maxAttempts; round++) {
            Candidate answer;
            if (round == 1) {
                answer = firstTry.get();
            } else if (corrected != null) {
                answer = Candidate.given(prepare.apply(corrected));
            } else {
                answer = correct(crew.corrector(), call.repairing(candidate, violations), prepare, totals);
            }
            if (round > 1) {
                totals.correction();
            }
            Judged judged = judge(crew, call, answer.json(), prepare, allowShort, totals);
            settle(answer, judged.violations().isEmpty());
            candidate = judged.json();
            violations = judged.violations();
            corrected = judged.corrected();
            if (violations.isEmpty()) {
                return candidate;
            }
        }
        if (crew.finalBackend() != null) {
            totals.finalTry();
            Candidate answer = correct(crew.finalBackend(), call.repairing(candidate, violations), prepare, totals);
            Judged judged = judge(crew, call, answer.json(), prepare, allowShort, totals);
            settle(answer, judged.violations().isEmpty());
            candidate = judged.json();
            violations = judged.violations();
            if (violations.isEmpty()) {
                return candidate;
            }
        }
        throw new GenerationException(Messages.stillFailing(crew, maxAttempts, label, violations, candidate),
                violations, candidate);
    }

    /**
     * The producer's first answer, prepared (values kept from earlier stages, fixed values in place); the call that
     * made it is noted, so that the provenance names a fallback that answered for the producer.
     */
    Candidate produce(Backend producer, BackendRequest call, UnaryOperator<JsonNode> prepare, Totals totals) {
        Candidate raw = calls.call(producer, call, totals);
        if (!raw.costs().isEmpty()) {
            totals.produced(raw.costs().get(raw.costs().size() - 1));
        }
        return raw.withJson(prepare.apply(raw.json()));
    }

    private Candidate correct(Backend corrector, BackendRequest call, UnaryOperator<JsonNode> prepare, Totals totals) {
        Candidate raw = calls.call(corrector, call, totals);
        return raw.withJson(prepare.apply(raw.json()));
    }

    private Judged judge(Crew crew, BackendRequest call, JsonNode json, UnaryOperator<JsonNode> prepare,
                         boolean allowShort, Totals totals) {
        List<Violation> violations = checks.check(json, call.shape(), call.count(), allowShort);
        if (!violations.isEmpty() || crew.validator() == null) {
            return new Judged(json, violations);
        }
        BackendRequest ask = new BackendRequest(Stage.Role.VALIDATE, call.shape(), call.count(), call.firstIndex(),
                call.prompt(), call.rules(), json, List.of(), call.context(), call.seed(), call.maxTokens(),
                call.total(), null);
        Candidate answer = calls.call(crew.validator(), ask, totals);
        totals.validatorCall();
        Verdict verdict = Verdict.read(answer.json(), call.shape(), call.count());
        if (verdict == null) {
            // The validator answered with (corrected) data, as validate-and-repair backends do: check that instead.
            JsonNode data = prepare.apply(answer.json());
            List<Violation> dataViolations = checks.check(data, call.shape(), call.count(), false);
            settle(answer, dataViolations.isEmpty());
            return new Judged(data, dataViolations);
        }
        settle(answer, true);
        totals.verdict();
        return new Judged(json, verdict.violations(), verdict.corrected());
    }

    /** Books the calls behind {@code answer} once its output is judged. */
    void settle(Candidate answer, boolean ok) {
        calls.settle(answer, ok);
    }
}

package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.GenerationException;
import dev.llmock.Stage;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendRequest;
import dev.llmock.internal.engine.BackendCalls.Candidate;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The validation and correction loop of one call: checks in code first (shape, rules, Bean Validation), then the
 * validator backend when the stage has one; violations go to the corrector, up to {@code maxAttempts} rounds; then
 * the final backend gets one last try; then a {@link GenerationException} lists what still fails, with the last output.
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

    private record Judged(JsonNode json, List<Violation> violations) {
    }

    JsonNode run(Crew crew, BackendRequest call, Supplier<Candidate> firstTry, UnaryOperator<JsonNode> prepare,
                 boolean allowShort, Totals totals) {
        JsonNode candidate = null;
        List<Violation> violations = List.of();
        for (int round = 1; round <= maxAttempts; round++) {
            Candidate answer = round == 1 ? firstTry.get()
                    : correct(crew.corrector(), call.repairing(candidate, violations), prepare, totals);
            if (round > 1) {
                totals.correction();
            }
            Judged judged = judge(crew, call, answer.json(), prepare, allowShort, totals);
            settle(answer, judged.violations().isEmpty());
            candidate = judged.json();
            violations = judged.violations();
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
        throw new GenerationException(message(crew, violations, candidate), violations, candidate);
    }

    /** The producer's first answer, prepared (values kept from earlier stages, fixed values in place). */
    Candidate produce(Backend producer, BackendRequest call, UnaryOperator<JsonNode> prepare, Totals totals) {
        Candidate raw = calls.call(producer, call, totals);
        return raw.withJson(prepare.apply(raw.json()));
    }

    private Candidate correct(Backend corrector, BackendRequest call, UnaryOperator<JsonNode> prepare, Totals totals) {
        return produce(corrector, call, prepare, totals);
    }

    private Judged judge(Crew crew, BackendRequest call, JsonNode json, UnaryOperator<JsonNode> prepare,
                         boolean allowShort, Totals totals) {
        List<Violation> violations = checks.check(json, call.shape(), call.count(), allowShort);
        if (!violations.isEmpty() || crew.validator() == null) {
            return new Judged(json, violations);
        }
        BackendRequest ask = new BackendRequest(Stage.Role.VALIDATE, call.shape(), call.count(), call.firstIndex(),
                call.prompt(), call.rules(), json, List.of(), call.context(), call.seed(), call.maxTokens());
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
        return new Judged(json, verdict.violations());
    }

    /** Books the calls behind {@code answer} once its output is judged. */
    void settle(Candidate answer, boolean ok) {
        calls.settle(answer, ok);
    }

    private String message(Crew crew, List<Violation> violations, JsonNode output) {
        Backend backend = crew.producer();
        StringBuilder message = new StringBuilder("The backend \"").append(backend.name()).append("\" (")
                .append(backend.provider());
        if (backend.model() != null) {
            message.append(", model ").append(backend.model());
        }
        message.append(") produced data that does not fit the shape after ").append(maxAttempts)
                .append(maxAttempts == 1 ? " attempt" : " attempts");
        if (label != null) {
            message.append(" for ").append(label);
        }
        if (crew.validator() != null && crew.validator() != backend) {
            message.append("; validator \"").append(crew.validator().name()).append('"');
        }
        if (crew.corrector() != backend) {
            message.append("; corrections by \"").append(crew.corrector().name()).append('"');
        }
        if (crew.finalBackend() != null) {
            message.append("; final try on \"").append(crew.finalBackend().name()).append('"');
        }
        message.append(". Still failing:");
        violations.stream().limit(20).forEach(v -> message.append("\n  ").append(v));
        if (violations.size() > 20) {
            message.append("\n  ... and ").append(violations.size() - 20).append(" more");
        }
        String text = output == null ? "(none)" : Json.compact(output);
        message.append("\nLast output: ").append(text.length() > 2000 ? text.substring(0, 2000) + "..." : text);
        message.append("\nRaise maxAttempts, relax the shape or rules, or use a stronger backend.");
        return message.toString();
    }
}

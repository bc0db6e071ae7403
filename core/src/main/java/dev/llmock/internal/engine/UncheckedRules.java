package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.FixtureRequest;
import dev.llmock.Stage;
import dev.llmock.internal.Json;
import java.util.List;

/**
 * Rules in words that no model judged, so that they do not pass silently: code cannot check them, and only a
 * validator answering with a verdict judges them. They count as checked when the last stage validates and every one
 * of its validator calls answered with a verdict; otherwise they go into {@code details.unchecked} with the reason.
 */
final class UncheckedRules {
    private UncheckedRules() {
    }

    /** {@code {"rules": [...], "reason": "..."}} for the request's rules in words, or null when judged or none. */
    static ObjectNode of(FixtureRequest request, List<Outcome> outcomes) {
        if (request.rules().isEmpty()) {
            return null;
        }
        List<Stage> stages = request.stages();
        String reason;
        if (stages.stream().noneMatch(stage -> stage.role() == Stage.Role.VALIDATE)) {
            reason = Messages.noValidateStage();
        } else if (stages.get(stages.size() - 1).role() != Stage.Role.VALIDATE) {
            reason = Messages.changedAfterValidation();
        } else {
            Outcome last = outcomes.get(outcomes.size() - 1);
            Totals totals = last.totals();
            if (totals.validatorCalls() > 0 && totals.verdicts() == totals.validatorCalls()) {
                return null;
            }
            reason = Messages.noVerdict(last.backend(), last.provider());
        }
        ObjectNode unchecked = Json.MAPPER.createObjectNode();
        ArrayNode rules = unchecked.putArray("rules");
        request.rules().forEach(rules::add);
        unchecked.put("reason", reason);
        return unchecked;
    }
}

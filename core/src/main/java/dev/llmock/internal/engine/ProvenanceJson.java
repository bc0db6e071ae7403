package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Part;
import dev.llmock.Provenance;
import dev.llmock.Stage;
import dev.llmock.internal.FixtureAccess;
import dev.llmock.internal.Json;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes what the stages did into the fixture's {@link Provenance}: the last stage's backend and model, the totals
 * of every call, and in {@code details} one entry per stage ({@code stages}) or part ({@code parts}) with its
 * backend, attempts, latency and correction-loop facts, and for an enrich stage which fields it gave
 * ({@link EnrichedFields}).
 */
final class ProvenanceJson {

    private ProvenanceJson() {
    }

    /** The fixture of a request whose stages produced {@code result}, generated at {@code now}. */
    static Fixture fixture(Plan plan, Result result, Instant now) {
        FixtureRequest request = plan.request();
        List<Outcome> outcomes = result.stages();
        Totals totals = new Totals();
        // One entry per stage, only where there is more than one stage or backend to tell apart.
        boolean details = outcomes.size() > 1 || request.corrector() != null || request.finalBackend() != null;
        ArrayNode stages = Json.MAPPER.createArrayNode();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            totals.add(outcome.totals());
            if (!details) {
                continue;
            }
            Stage.Role role = i == 0 ? Stage.Role.GENERATE : request.stages().get(i - 1).role();
            ObjectNode detail = stages.addObject();
            detail.put("role", role.name().toLowerCase(Locale.ROOT));
            describe(detail, outcome);
            if (role == Stage.Role.ENRICH) {
                detail.set("fields", EnrichedFields.of(outcomes.get(i - 1).output(), outcome.output(), plan.count()));
            }
        }
        if (details) {
            plan.facts().put("stages", stages);
        }
        ObjectNode unchecked = UncheckedRules.of(request, outcomes);
        if (unchecked != null) {
            plan.facts().put("unchecked", unchecked);
        }
        Outcome last = outcomes.get(outcomes.size() - 1);
        Provenance provenance = new Provenance(Provenance.Source.GENERATED, last.backend(), last.provider(),
                last.model(), totals.attempts(), totals.latency(), totals.promptTokens(), totals.completionTokens(),
                now, plan.facts().snapshot());
        // Every tree in the result is the engine's own (BackendCalls copies what other backends return): no copy.
        return FixtureAccess.owning(result.output(), provenance);
    }

    /** One entry per part: its name, backend, attempts, latency and correction-loop facts. */
    static ArrayNode parts(List<Part> parts, List<Outcome> outcomes) {
        ArrayNode details = Json.MAPPER.createArrayNode();
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode detail = details.addObject();
            detail.put("name", parts.get(i).name());
            describe(detail, outcomes.get(i));
        }
        return details;
    }

    private static void describe(ObjectNode detail, Outcome outcome) {
        Totals totals = outcome.totals();
        detail.put("backend", outcome.backend());
        detail.put("provider", outcome.provider());
        if (outcome.model() != null) {
            detail.put("model", outcome.model());
        }
        detail.put("attempts", totals.attempts());
        detail.put("latencyMs", totals.latency().toMillis());
        if (totals.corrections() > 0) {
            detail.put("corrections", totals.corrections());
        }
        if (totals.validatorCalls() > 0) {
            detail.put("validatorCalls", totals.validatorCalls());
            detail.put("verdicts", totals.verdicts());
        }
        if (totals.finalTries() > 0) {
            detail.put("finalTries", totals.finalTries());
        }
    }
}

package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.BackendException;
import dev.llmock.FixtureRequest;
import dev.llmock.GenerationException;
import dev.llmock.Stage;
import dev.llmock.internal.Json;
import dev.llmock.internal.engine.BackendCalls.Candidate;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * Consensus: the same request goes to every consensus backend at once, in one call each for the whole count and with
 * a seed of its own (so one model under two names gives two independent answers). The answers are compared field by
 * field ({@link Agreement}); the valid answer closest to the others wins ({@link ConsensusScore}) and, if it still
 * has violations, goes on through the correction loop on its own backend. The winner becomes the first stage's
 * output for the stages after it; the agreement, per field and overall, goes into the provenance.
 */
final class ConsensusInterceptor implements StageInterceptor {
    private final ExecutorService executor;

    ConsensusInterceptor(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public Result intercept(Chain chain) {
        Plan plan = chain.plan();
        if (plan.first() != null || plan.request().consensus().isEmpty()) {
            return chain.proceed(plan);
        }
        return chain.proceed(plan.withFirst(consensus(plan)));
    }

    private Outcome consensus(Plan plan) {
        FixtureRequest request = plan.request();
        int count = request.count();
        UnaryOperator<JsonNode> prepare = output -> plan.fixed().applyAll(output);
        CorrectionLoop loop = plan.loop();
        Totals totals = new Totals();
        List<Backend> backends = new ArrayList<>();
        List<BackendRequest> calls = new ArrayList<>();
        List<Future<Candidate>> futures = new ArrayList<>();
        for (String name : request.consensus()) {
            Backend backend = plan.backends().resolve(name, request.shape(), Site.consensus(name));
            BackendRequest call = new BackendRequest(Stage.Role.GENERATE, request.shape(), count, 0,
                    request.prompt(), request.rules(), plan.fixed().isEmpty() ? null : plan.fixed().partials(),
                    List.of(), request.context(), plan.consensusSeed(name), null);
            backends.add(backend);
            calls.add(call);
            futures.add(executor.submit(() -> loop.produce(backend, call, prepare, totals)));
        }
        int size = futures.size();
        Candidate[] answers = new Candidate[size];
        JsonNode[] outputs = new JsonNode[size];
        int[] violations = new int[size];
        String[] errors = new String[size];
        RuntimeException firstError = null;
        for (int i = 0; i < size; i++) {
            try {
                answers[i] = Await.result(futures.get(i), List.of());
                outputs[i] = answers[i].json();
                violations[i] = loop.checks().check(outputs[i], request.shape(), count, false).size();
                loop.settle(answers[i], violations[i] == 0);
            } catch (BackendException | GenerationException e) {
                firstError = firstError == null ? e : firstError;
                errors[i] = e.getMessage().lines().findFirst().orElse("");
            }
        }
        Agreement agreement = Agreement.of(outputs, count);
        List<ConsensusScore> scores = new ArrayList<>();
        int best = -1;
        for (int i = 0; i < size; i++) {
            String name = backends.get(i).name();
            ConsensusScore score = answers[i] == null ? ConsensusScore.failed(name, errors[i])
                    : ConsensusScore.of(name, outputs[i], violations[i], agreement.of(i, outputs));
            scores.add(score);
            if (score.answered() && (best < 0 || ConsensusScore.BEST_FIRST.compare(score, scores.get(best)) < 0)) {
                best = i;
            }
        }
        if (best < 0) {
            throw firstError;
        }
        Backend winner = backends.get(best);
        plan.facts().put("consensus", facts(winner, agreement, outputs, scores));

        Candidate chosen = Candidate.given(outputs[best]);
        JsonNode output = loop.run(plan.backends().crew(winner, null), calls.get(best), () -> chosen, prepare, false,
                totals);
        plan.firstProgress().progress(count, count);
        String model = answers[best].model();
        return new Outcome(output, winner.name(), winner.provider(), model != null ? model : winner.model(), totals);
    }

    private static ObjectNode facts(Backend winner, Agreement agreement, JsonNode[] outputs,
                                    List<ConsensusScore> scores) {
        ObjectNode consensus = Json.MAPPER.createObjectNode();
        consensus.put("winner", winner.name());
        Double overall = agreement.overall(outputs);
        if (overall != null) {
            consensus.put("agreement", ConsensusScore.rounded(overall));
            ObjectNode fields = consensus.putObject("fields");
            agreement.fields().forEach((field, share) -> fields.put(field, ConsensusScore.rounded(share)));
        }
        ArrayNode all = consensus.putArray("answers");
        scores.forEach(score -> all.add(score.toJson()));
        return consensus;
    }
}

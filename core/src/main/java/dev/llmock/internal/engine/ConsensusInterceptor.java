package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.BackendException;
import dev.llmock.FixtureRequest;
import dev.llmock.GenerationException;
import dev.llmock.Stage;
import dev.llmock.Violation;
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
 * Consensus: the same request goes to every consensus backend at once, in one call each for the whole count; each
 * answer is scored ({@link ConsensusScore}), the best wins and, if it still has violations, goes on through the
 * correction loop on its own backend. The winner becomes the first stage's output for the stages after it.
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
        BackendRequest call = new BackendRequest(Stage.Role.GENERATE, request.shape(), count, 0, request.prompt(),
                request.rules(), plan.fixed().isEmpty() ? null : plan.fixed().partials(), List.of(), request.context(),
                plan.firstSeed(), null);
        UnaryOperator<JsonNode> prepare = output -> plan.fixed().applyAll(output);
        CorrectionLoop loop = plan.loop();
        Totals totals = new Totals();
        List<Backend> backends = new ArrayList<>();
        List<Future<Candidate>> futures = new ArrayList<>();
        for (String name : request.consensus()) {
            Backend backend = plan.backends().resolve(name, request.shape(), Site.consensus(name));
            backends.add(backend);
            futures.add(executor.submit(() -> loop.produce(backend, call, prepare, totals)));
        }
        List<ConsensusScore> scores = new ArrayList<>();
        List<Candidate> answers = new ArrayList<>();
        RuntimeException firstError = null;
        int best = -1;
        for (int i = 0; i < futures.size(); i++) {
            Backend backend = backends.get(i);
            try {
                Candidate answer = Await.result(futures.get(i), List.of());
                List<Violation> violations = loop.checks().check(answer.json(), request.shape(), count, false);
                loop.settle(answer, violations.isEmpty());
                answers.add(answer);
                scores.add(ConsensusScore.of(backend.name(), answer.json(), violations));
            } catch (BackendException | GenerationException e) {
                firstError = firstError == null ? e : firstError;
                answers.add(null);
                scores.add(ConsensusScore.failed(backend.name(), e.getMessage().lines().findFirst().orElse("")));
            }
            if (answers.get(i) != null && (best < 0 || scores.get(i).score() > scores.get(best).score())) {
                best = i;
            }
        }
        if (best < 0) {
            throw firstError;
        }
        Backend winner = backends.get(best);
        ObjectNode consensus = Json.MAPPER.createObjectNode();
        consensus.put("winner", winner.name());
        ArrayNode all = consensus.putArray("scores");
        scores.forEach(score -> all.add(score.toJson()));
        plan.facts().put("consensus", consensus);

        Candidate chosen = Candidate.given(answers.get(best).json());
        JsonNode output = loop.run(plan.backends().crew(winner, null), call, () -> chosen, prepare, false, totals);
        plan.firstProgress().progress(count, count);
        String model = answers.get(best).model();
        return new Outcome(output, winner.name(), winner.provider(), model != null ? model : winner.model(), totals);
    }
}

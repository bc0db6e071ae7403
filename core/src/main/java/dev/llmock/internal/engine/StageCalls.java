package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.FixtureRequest;
import dev.llmock.ProgressListener;
import dev.llmock.Shape;
import dev.llmock.Stage;
import dev.llmock.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The end of the stage chain: the stages left to run, each a {@link StageJob} over all records. The first stage
 * generates on the request's backend (unless parts or consensus made it already); each later stage enriches
 * (its valid values winning, earlier values filling the gaps) or validates the output of the stage before it.
 */
final class StageCalls implements StageInterceptor {
    private final ExecutorService executor;

    StageCalls(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public Result intercept(Chain chain) {
        Plan plan = chain.plan();
        FixtureRequest request = plan.request();
        List<Outcome> outcomes = new ArrayList<>();
        Outcome first = plan.first() != null ? plan.first() : generate(plan);
        outcomes.add(first);
        JsonNode output = first.output();
        Shape shape = request.shape();
        for (int number = 1; number <= request.stages().size(); number++) {
            Stage stage = request.stages().get(number - 1);
            shape = stage.shape() != null ? stage.shape() : shape;
            Backend backend = plan.backends().resolve(stage.backend(), shape, Site.stage(number));
            Backend validator = stage.role() == Stage.Role.VALIDATE ? backend : null;
            StageWork work = new StageWork(stage.role(), plan.backends().crew(backend, validator), plan.loop(), shape,
                    plan.prompt(stage), output, plan.stageSeed(number), plan.fixed(), false);
            Outcome outcome = run(work, backend, plan, plan.stageProgress(number), false);
            outcomes.add(outcome);
            output = outcome.output();
        }
        return new Result(output, outcomes);
    }

    private Outcome generate(Plan plan) {
        FixtureRequest request = plan.request();
        Backend backend = plan.backends().resolve(request.backend(), request.shape(), Site.FIRST);
        StageWork work = new StageWork(Stage.Role.GENERATE, plan.backends().crew(backend, null), plan.loop(),
                request.shape(), request.prompt(), null, plan.firstSeed(), plan.fixed(), true);
        return run(work, backend, plan, plan.firstProgress(), true);
    }

    private Outcome run(StageWork work, Backend backend, Plan plan, ProgressListener progress,
                        boolean batchingFacts) {
        StageJob job = new StageJob(work, plan.request(), plan.backends().limits(backend), executor);
        JsonNode output = job.run(progress);
        if (batchingFacts && plan.count() > 1) {
            plan.facts().put("batching", job.facts());
        }
        return Outcome.of(backend, output, job.totals());
    }
}

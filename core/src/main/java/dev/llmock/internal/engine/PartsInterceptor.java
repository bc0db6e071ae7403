package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmock.FixtureRequest;
import dev.llmock.GenerationException;
import dev.llmock.Merge;
import dev.llmock.Part;
import dev.llmock.ProgressListener;
import dev.llmock.Stage;
import dev.llmock.Violation;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.spi.Backend;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Parallel parts: each part runs concurrently on its own backend through its own correction loop (checked against
 * its own shape), then the parts merge into each record, the request's rules are checked once on the merged
 * records, and the merge becomes the first stage's output for the stages after it.
 */
final class PartsInterceptor implements StageInterceptor {
    private final ExecutorService executor;

    PartsInterceptor(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public Result intercept(Chain chain) {
        Plan plan = chain.plan();
        if (plan.first() != null || plan.request().parts().isEmpty()) {
            return chain.proceed(plan);
        }
        return chain.proceed(plan.withFirst(parts(plan)));
    }

    private Outcome parts(Plan plan) {
        FixtureRequest request = plan.request();
        List<Part> parts = request.parts();
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Part part : parts) {
            Backend backend = plan.backends().resolve(part.backend(), part.shape(), Site.part(part.name()));
            List<String> prefix = request.merge() == Merge.UNDER_KEYS ? List.of(part.name()) : List.of();
            StageWork work = new StageWork(Stage.Role.GENERATE, plan.backends().crew(backend, null),
                    plan.loop().forPart(part.name()), part.shape(), request.prompt(), null,
                    plan.partSeed(part.name()), plan.fixed().part(prefix, ShapeAccess.node(part.shape())), false);
            StageJob job = new StageJob(work, request, plan.backends().limits(backend), executor);
            futures.add(executor.submit(() -> Outcome.of(backend, job.run(ProgressListener.NONE), job.totals())));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(Await.result(future, futures));
        }
        JsonNode merged = PartMerge.merge(parts, outcomes.stream().map(Outcome::output).toList(), request.merge(),
                request.count());
        List<Violation> violations = plan.loop().checks().check(merged, request.shape(), request.count(), false);
        if (!violations.isEmpty()) {
            throw new GenerationException(Messages.partsBreakRules(parts, request.label(), violations, merged),
                    violations, merged);
        }
        plan.firstProgress().progress(request.count(), request.count());

        plan.facts().put("parts", ProvenanceJson.parts(parts, outcomes));
        plan.facts().put("merge", TextNode.valueOf(request.merge().name().toLowerCase(Locale.ROOT)));
        Totals totals = new Totals();
        Set<String> names = new LinkedHashSet<>();
        Set<String> providers = new LinkedHashSet<>();
        for (Outcome outcome : outcomes) {
            totals.add(outcome.totals());
            names.add(outcome.backend());
            providers.add(outcome.provider());
        }
        return new Outcome(merged, String.join("+", names), String.join("+", providers), null, totals);
    }
}

package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.BackendException;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.GenerationException;
import dev.llmock.LlmockConfig;
import dev.llmock.Merge;
import dev.llmock.Part;
import dev.llmock.ProgressListener;
import dev.llmock.Provenance;
import dev.llmock.Shape;
import dev.llmock.Stage;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.FixtureInterceptor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The end of the chain: plans the request's stages and runs them on their backends. The first stage is one backend
 * (routed by complexity for {@value FixtureRequest#AUTO}), parts run concurrently and merged, or a consensus of
 * several backends; later stages enrich (keeping earlier valid values) or validate. Every batch goes through the
 * {@link CorrectionLoop}; values of distribution directives are fixed by code throughout and checked at the end.
 */
final class StageRunner implements FixtureInterceptor {
    private final BackendRegistry registry;
    private final BackendCalls calls;
    private final LlmockConfig config;
    private final Clock clock;
    private final long seed;
    private final ExecutorService executor;

    StageRunner(BackendRegistry registry, StatsRecorder stats, LlmockConfig config, Clock clock, long seed,
                ExecutorService executor) {
        this.registry = registry;
        this.calls = new BackendCalls(stats, registry::limits);
        this.config = config;
        this.clock = clock;
        this.seed = seed;
        this.executor = executor;
    }

    /** What one stage produced, for the provenance. */
    private record Outcome(JsonNode output, String backend, String provider, String model, Totals totals) {
    }

    /** The state of one request while it runs. */
    private final class Run {
        final FixtureRequest request;
        final long requestSeed;
        final FixedValues fixed;
        final CorrectionLoop loop;
        final Backend corrector;
        final Backend finalBackend;
        final ObjectNode details = Json.MAPPER.createObjectNode();

        Run(FixtureRequest request) {
            this.request = request;
            // Seeded without the count, so record i is the same whether 10 or 1000 records are asked for.
            // With count 1 that is the request itself: hash its key once, not twice.
            this.requestSeed = Seeds.forRequest(seed, request.count() == 1 ? request.key().hash()
                    : request.toBuilder().count(1).build().key().hash());
            this.fixed = FixedValues.plan(ShapeAccess.node(request.shape()), request.count(), requestSeed);
            this.loop = new CorrectionLoop(calls, RecordChecks.of(request), request.maxAttempts(), request.label());
            this.corrector = request.corrector() == null ? null : registry.resolve(request.corrector());
            this.finalBackend = request.finalBackend() == null ? null : registry.resolve(request.finalBackend());
        }

        CorrectionLoop.Crew crew(Backend producer, Backend validator) {
            return new CorrectionLoop.Crew(producer, validator, corrector != null ? corrector : producer,
                    finalBackend);
        }

        /** Resolves a backend name; {@value FixtureRequest#AUTO} routes by the complexity of {@code shape}. */
        Backend resolve(String name, Shape shape, String where) {
            if (!FixtureRequest.AUTO.equals(name)) {
                return registry.resolve(name);
            }
            Routing.Choice choice = Routing.choose(ShapeAccess.node(shape), request.rules().size() + request.checks().size(),
                    config);
            if (where.equals("generate")) {
                details.set("routing", choice.toJson());
            } else {
                if (!details.has("routingByStage")) {
                    details.putObject("routingByStage");
                }
                ((ObjectNode) details.get("routingByStage")).set(where, choice.toJson());
            }
            return registry.resolve(choice.backend());
        }
    }

    @Override
    public Fixture intercept(Chain chain) {
        FixtureRequest request = chain.request();
        Run run = new Run(request);
        List<Stage> later = request.stages();
        ProgressListener firstProgress = later.isEmpty() ? chain.progress() : ProgressListener.NONE;

        List<Outcome> outcomes = new ArrayList<>();
        ArrayNode stageDetails = Json.MAPPER.createArrayNode();
        Outcome first;
        if (!request.parts().isEmpty()) {
            first = parts(run, firstProgress);
        } else if (!request.consensus().isEmpty()) {
            first = consensus(run, firstProgress);
        } else {
            Backend backend = run.resolve(request.backend(), request.shape(), "generate");
            first = stage(run, Stage.Role.GENERATE, backend, request.shape(), null, null, Seeds.mix(run.requestSeed),
                    firstProgress, "generate");
        }
        outcomes.add(first);
        JsonNode output = first.output();
        Shape shape = request.shape();
        for (int i = 0; i < later.size(); i++) {
            Stage stage = later.get(i);
            shape = stage.shape() != null ? stage.shape() : shape;
            String where = "stage" + (i + 1);
            Backend backend = run.resolve(stage.backend(), shape, where);
            ProgressListener progress = i == later.size() - 1 ? chain.progress() : ProgressListener.NONE;
            Outcome outcome = stage(run, stage.role(), backend, shape, stage.prompt(), output,
                    Seeds.mix(run.requestSeed + i + 1), progress, null);
            outcomes.add(outcome);
            output = outcome.output();
        }
        if (!run.fixed.isEmpty()) {
            run.details.set("distributions", run.fixed.verify(output));
        }

        Totals totals = new Totals();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            totals.add(outcome.totals());
            ObjectNode detail = stageDetails.addObject();
            detail.put("role", (i == 0 ? Stage.Role.GENERATE : later.get(i - 1).role()).name().toLowerCase(Locale.ROOT));
            detail.put("backend", outcome.backend());
            detail.put("provider", outcome.provider());
            if (outcome.model() != null) {
                detail.put("model", outcome.model());
            }
            detail.put("attempts", outcome.totals().attempts());
            detail.put("latencyMs", outcome.totals().latency().toMillis());
            loopFacts(detail, outcome.totals());
        }
        if (outcomes.size() > 1 || request.corrector() != null || request.finalBackend() != null) {
            run.details.set("stages", stageDetails);
        }
        Outcome last = outcomes.get(outcomes.size() - 1);
        Provenance provenance = new Provenance(Provenance.Source.GENERATED, last.backend(), last.provider(),
                last.model(), totals.attempts(), totals.latency(), totals.promptTokens(), totals.completionTokens(),
                clock.instant(), run.details);
        return new Fixture(output, provenance);
    }

    private static void loopFacts(ObjectNode detail, Totals totals) {
        if (totals.corrections() > 0) {
            detail.put("corrections", totals.corrections());
        }
        if (totals.validatorCalls() > 0) {
            detail.put("validatorCalls", totals.validatorCalls());
        }
        if (totals.finalTries() > 0) {
            detail.put("finalTries", totals.finalTries());
        }
    }

    private Outcome stage(Run run, Stage.Role role, Backend backend, Shape shape, String stagePrompt,
                          JsonNode previous, long stageSeed, ProgressListener progress, String batchingKey) {
        FixtureRequest request = run.request;
        Backend validator = role == Stage.Role.VALIDATE ? backend : null;
        StageJob job = new StageJob(role, run.crew(backend, validator), run.loop, shape, request.count(),
                join(request.prompt(), stagePrompt), request.rules(), request.context(), stageSeed, previous,
                run.fixed, executor, registry.limits(backend), role == Stage.Role.GENERATE);
        JsonNode output = job.run(progress);
        if (batchingKey != null && request.count() > 1) {
            run.details.set("batching", job.facts());
        }
        Totals totals = job.totals();
        return new Outcome(output, backend.name(), backend.provider(),
                totals.model() != null ? totals.model() : backend.model(), totals);
    }

    /** Parts run concurrently, each on its backend through its own loop, then merge into each record. */
    private Outcome parts(Run run, ProgressListener progress) {
        FixtureRequest request = run.request;
        List<Part> parts = request.parts();
        List<Future<Outcome>> futures = new ArrayList<>();
        List<Backend> backends = new ArrayList<>();
        for (Part part : parts) {
            Backend backend = run.resolve(part.backend(), part.shape(), "part:" + part.name());
            backends.add(backend);
            List<String> prefix = request.merge() == Merge.UNDER_KEYS ? List.of(part.name()) : List.of();
            FixedValues fixed = run.fixed.part(prefix, ShapeAccess.node(part.shape()));
            CorrectionLoop loop = new CorrectionLoop(calls, RecordChecks.shapeOnly(), request.maxAttempts(),
                    request.label() == null ? "part \"" + part.name() + "\"" : request.label() + ", part \""
                            + part.name() + "\"");
            long partSeed = Seeds.mix(Seeds.mix(run.requestSeed) ^ Seeds.mix(part.name().hashCode()));
            StageJob job = new StageJob(Stage.Role.GENERATE, run.crew(backend, null), loop, part.shape(),
                    request.count(), request.prompt(), request.rules(), request.context(), partSeed, null, fixed,
                    executor, registry.limits(backend), false);
            futures.add(executor.submit(() -> new Outcome(job.run(ProgressListener.NONE), backend.name(),
                    backend.provider(), job.totals().model() != null ? job.totals().model() : backend.model(),
                    job.totals())));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(await(future, futures));
        }
        JsonNode merged = PartMerge.merge(parts, outcomes.stream().map(Outcome::output).toList(), request.merge(),
                request.count());
        List<Violation> violations = run.loop.checks().check(merged, request.shape(), request.count(), false);
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder("The merged parts ").append(names(parts))
                    .append(" break the request's rules");
            if (request.label() != null) {
                message.append(" for ").append(request.label());
            }
            message.append(". Still failing:");
            violations.stream().limit(20).forEach(v -> message.append("\n  ").append(v));
            message.append("\nLast output: ").append(Json.compact(merged)).append("\nRules over several parts"
                    + " cannot be repaired part by part: check them in an enrich or validate stage after the parts.");
            throw new GenerationException(message.toString(), violations, merged);
        }
        progress.progress(request.count(), request.count());

        ArrayNode partDetails = run.details.putArray("parts");
        Totals totals = new Totals();
        Set<String> names = new LinkedHashSet<>();
        Set<String> providers = new LinkedHashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            Outcome outcome = outcomes.get(i);
            totals.add(outcome.totals());
            names.add(outcome.backend());
            providers.add(outcome.provider());
            ObjectNode detail = partDetails.addObject();
            detail.put("name", parts.get(i).name());
            detail.put("backend", outcome.backend());
            detail.put("provider", outcome.provider());
            if (outcome.model() != null) {
                detail.put("model", outcome.model());
            }
            detail.put("attempts", outcome.totals().attempts());
            detail.put("latencyMs", outcome.totals().latency().toMillis());
            loopFacts(detail, outcome.totals());
        }
        run.details.put("merge", request.merge().name().toLowerCase(Locale.ROOT));
        return new Outcome(merged, String.join("+", names), String.join("+", providers), null, totals);
    }

    /**
     * The same request to every consensus backend at once; each answer is scored, the best wins and, if it still
     * has violations, goes on through the correction loop. The whole count goes to each backend in one call.
     */
    private Outcome consensus(Run run, ProgressListener progress) {
        FixtureRequest request = run.request;
        int count = request.count();
        JsonNode fixedValues = null;
        if (!run.fixed.isEmpty()) {
            ArrayNode partials = Json.MAPPER.createArrayNode();
            for (int i = 0; i < count; i++) {
                partials.add(run.fixed.partial(i));
            }
            fixedValues = count == 1 ? partials.get(0) : partials;
        }
        BackendRequest call = new BackendRequest(Stage.Role.GENERATE, request.shape(), count, 0, request.prompt(),
                request.rules(), fixedValues, List.of(), request.context(), Seeds.mix(run.requestSeed), null);
        java.util.function.UnaryOperator<JsonNode> prepare = output -> fixAll(run.fixed, output, count);
        Totals totals = new Totals();
        List<Backend> backends = new ArrayList<>();
        List<Future<BackendCalls.Candidate>> futures = new ArrayList<>();
        for (String name : request.consensus()) {
            Backend backend = run.resolve(name, request.shape(), "consensus:" + name);
            backends.add(backend);
            futures.add(executor.submit(() -> run.loop.produce(backend, call, prepare, totals)));
        }
        List<ConsensusScore> scores = new ArrayList<>();
        List<BackendCalls.Candidate> answers = new ArrayList<>();
        RuntimeException firstError = null;
        int best = -1;
        for (int i = 0; i < futures.size(); i++) {
            Backend backend = backends.get(i);
            try {
                BackendCalls.Candidate answer = await(futures.get(i), List.of());
                List<Violation> violations = run.loop.checks().check(answer.json(), request.shape(), count, false);
                run.loop.settle(answer, violations.isEmpty());
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
        ObjectNode consensus = run.details.putObject("consensus");
        consensus.put("winner", backends.get(best).name());
        ArrayNode all = consensus.putArray("scores");
        scores.forEach(score -> all.add(score.toJson()));

        Backend winner = backends.get(best);
        BackendCalls.Candidate chosen = BackendCalls.Candidate.given(answers.get(best).json());
        JsonNode output = run.loop.run(run.crew(winner, null), call, () -> chosen, prepare, false, totals);
        progress.progress(count, count);
        return new Outcome(output, winner.name(), winner.provider(),
                answers.get(best).model() != null ? answers.get(best).model() : winner.model(),
                totals);
    }

    private static JsonNode fixAll(FixedValues fixed, JsonNode output, int count) {
        if (fixed.isEmpty() || output == null) {
            return output;
        }
        if (count == 1) {
            return fixed.apply(output, 0);
        }
        if (!output.isArray()) {
            return output;
        }
        ArrayNode result = Json.MAPPER.createArrayNode();
        for (int i = 0; i < output.size() && i < count; i++) {
            result.add(fixed.apply(output.get(i), i));
        }
        return result;
    }

    private static <T> T await(Future<T> future, List<? extends Future<?>> others) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            others.forEach(f -> f.cancel(true));
            throw new GenerationException("Interrupted while waiting for a concurrent call", e);
        } catch (ExecutionException e) {
            others.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new GenerationException("A concurrent call failed: " + cause, cause);
        }
    }

    private static String names(List<Part> parts) {
        return parts.stream().map(p -> "\"" + p.name() + "\"").toList().toString();
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "\n" + second;
    }
}

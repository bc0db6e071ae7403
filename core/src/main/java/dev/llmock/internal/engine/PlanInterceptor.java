package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.LlmockConfig;
import dev.llmock.RequestKey;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.spi.FixtureInterceptor;
import java.time.Clock;
import java.util.List;

/**
 * The end of the request chain: turns the request into a {@link Plan} once, runs it through the stage interceptors,
 * and writes the fixture's provenance.
 */
final class PlanInterceptor implements FixtureInterceptor {
    private final BackendRegistry registry;
    private final BackendCalls calls;
    private final LlmockConfig config;
    private final long globalSeed;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final List<StageInterceptor> stages;

    PlanInterceptor(EngineContext engine, List<StageInterceptor> stages) {
        this.registry = engine.registry();
        this.calls = engine.calls();
        this.config = engine.config();
        this.globalSeed = engine.seed();
        this.clock = engine.clock();
        this.mapper = engine.mapper();
        this.stages = List.copyOf(stages);
    }

    @Override
    public Fixture intercept(Chain chain) {
        Plan plan = plan(chain);
        return ProvenanceJson.fixture(plan, StageChain.run(stages, plan), clock.instant());
    }

    private Plan plan(Chain chain) {
        FixtureRequest request = chain.request();
        long seed = Seeds.forRequest(globalSeed, oneRecordKey(request).hash());
        Facts facts = new Facts();
        return new Plan(request, seed, FixedValues.plan(ShapeAccess.node(request.shape()), request.count(), seed),
                new CorrectionLoop(calls, RecordChecks.of(request, mapper), request.maxAttempts(), request.label()),
                new Backends(registry, config, request, facts), facts, chain.progress(), null);
    }

    /**
     * The key of the request as if it asked for one record, so that record i is seeded alike whatever the count:
     * the request's own key when it does ask for one, else its key JSON with the count set to 1 (not a rebuilt
     * request).
     */
    private static RequestKey oneRecordKey(FixtureRequest request) {
        if (request.count() == 1) {
            return request.key();
        }
        ObjectNode json = request.key().json();
        json.put("count", 1);
        return RequestKey.of(json);
    }
}

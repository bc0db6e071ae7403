package dev.llmock.internal.engine;

import dev.llmock.FixtureRequest;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendLimits;

/**
 * The backends of one request: each step's backend by name, or routed by the complexity of its shape for
 * {@value FixtureRequest#AUTO} (the choice noted in the request's facts); the corrector and the final backend, found
 * once; and what each backend can take.
 */
final class Backends {
    private final BackendRegistry registry;
    private final LlmockConfig config;
    private final int rules;
    private final Facts facts;
    private final Backend corrector;
    private final Backend finalBackend;

    Backends(BackendRegistry registry, LlmockConfig config, FixtureRequest request, Facts facts) {
        this.registry = registry;
        this.config = config;
        this.rules = request.rules().size() + request.checks().size();
        this.facts = facts;
        this.corrector = request.corrector() == null ? null : registry.resolve(request.corrector());
        this.finalBackend = request.finalBackend() == null ? null : registry.resolve(request.finalBackend());
    }

    /** The backend named {@code name} for the step at {@code site}, whose records have {@code shape}. */
    Backend resolve(String name, Shape shape, Site site) {
        if (!FixtureRequest.AUTO.equals(name)) {
            return registry.resolve(name);
        }
        Routing.Choice choice = Routing.choose(ShapeAccess.node(shape), rules, config);
        facts.routed(site, choice.toJson());
        return registry.resolve(choice.backend());
    }

    /** Who makes, judges, corrects and finally repairs the data of a step produced by {@code producer}. */
    CorrectionLoop.Crew crew(Backend producer, Backend validator) {
        return new CorrectionLoop.Crew(producer, validator, corrector != null ? corrector : producer, finalBackend);
    }

    BackendLimits limits(Backend backend) {
        return registry.limits(backend);
    }
}

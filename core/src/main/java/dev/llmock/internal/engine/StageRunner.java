package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.BackendException;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.GenerationException;
import dev.llmock.LlmockConfig;
import dev.llmock.ProgressListener;
import dev.llmock.Provenance;
import dev.llmock.Rule;
import dev.llmock.Shape;
import dev.llmock.Stage;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import dev.llmock.spi.FixtureInterceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end of the chain: runs the request's stages on their backends, batch by batch, validating every record
 * against the shape and rules and sending violations back for repair up to {@code maxAttempts}.
 */
final class StageRunner implements FixtureInterceptor {
    /** Records per call to the synthetic generator; only progress granularity depends on it. */
    private static final int SYNTHETIC_BATCH = 250;
    /** Records per call to a network backend until batching sizes calls from the token budget. */
    private static final int NETWORK_BATCH = 10;

    private final BackendRegistry registry;
    private final StatsRecorder stats;
    private final Clock clock;
    private final long seed;

    StageRunner(BackendRegistry registry, StatsRecorder stats, Clock clock, long seed) {
        this.registry = registry;
        this.stats = stats;
        this.clock = clock;
        this.seed = seed;
    }

    @Override
    public Fixture intercept(Chain chain) {
        FixtureRequest request = chain.request();
        long requestSeed = Seeds.forRequest(seed, request.key());
        List<Stage> plan = new ArrayList<>();
        plan.add(new Stage(Stage.Role.GENERATE, request.backend(), request.shape(), null));
        plan.addAll(request.stages());

        JsonNode output = null;
        Shape shape = request.shape();
        ArrayNode stageDetails = Json.MAPPER.createArrayNode();
        Totals totals = new Totals();
        Backend last = null;
        String lastModel = null;
        for (int i = 0; i < plan.size(); i++) {
            Stage stage = plan.get(i);
            shape = stage.shape() != null ? stage.shape() : shape;
            Backend backend = registry.resolve(stage.backend());
            String prompt = join(request.prompt(), stage.prompt());
            ProgressListener progress = i == plan.size() - 1 ? chain.progress() : ProgressListener.NONE;
            Totals stageTotals = new Totals();
            output = runStage(stage.role(), backend, shape, request, prompt, output,
                    Seeds.mix(requestSeed + i), progress, stageTotals);
            totals.add(stageTotals);
            last = backend;
            lastModel = stageTotals.model != null ? stageTotals.model : backend.model();
            ObjectNode detail = stageDetails.addObject();
            detail.put("role", stage.role().name().toLowerCase(Locale.ROOT));
            detail.put("backend", backend.name());
            detail.put("provider", backend.provider());
            if (lastModel != null) {
                detail.put("model", lastModel);
            }
            detail.put("attempts", stageTotals.attempts);
            detail.put("latencyMs", stageTotals.latency.toMillis());
        }
        ObjectNode details = Json.MAPPER.createObjectNode();
        if (plan.size() > 1) {
            details.set("stages", stageDetails);
        }
        Provenance provenance = new Provenance(Provenance.Source.GENERATED, last.name(), last.provider(), lastModel,
                totals.attempts, totals.latency, totals.promptTokens, totals.completionTokens, clock.instant(), details);
        return new Fixture(output, provenance);
    }

    private JsonNode runStage(Stage.Role role, Backend backend, Shape shape, FixtureRequest request, String prompt,
                              JsonNode previous, long stageSeed, ProgressListener progress, Totals totals) {
        int count = request.count();
        if (count == 1) {
            BackendRequest call = new BackendRequest(role, shape, 1, 0, prompt, request.rules(), previous, List.of(),
                    request.context(), stageSeed, null);
            JsonNode result = callValidated(backend, call, request, totals);
            progress.progress(1, 1);
            return result;
        }
        int batch = LlmockConfig.SYNTHETIC.equals(backend.provider()) ? SYNTHETIC_BATCH : NETWORK_BATCH;
        ArrayNode all = Json.MAPPER.createArrayNode();
        for (int from = 0; from < count; from += batch) {
            int size = Math.min(batch, count - from);
            JsonNode previousSlice = previous == null ? null : slice(previous, from, size);
            BackendRequest call = new BackendRequest(role, shape, size, from, prompt, request.rules(), previousSlice,
                    List.of(), request.context(), stageSeed, null);
            JsonNode part = callValidated(backend, call, request, totals);
            all.addAll((ArrayNode) part);
            progress.progress(all.size(), count);
        }
        return all;
    }

    private JsonNode callValidated(Backend backend, BackendRequest call, FixtureRequest request, Totals totals) {
        BackendRequest current = call;
        List<Violation> violations = List.of();
        JsonNode output = null;
        for (int attempt = 1; attempt <= request.maxAttempts(); attempt++) {
            long started = System.nanoTime();
            BackendResponse response;
            try {
                response = backend.call(current);
            } catch (BackendException e) {
                stats.failure(backend.name(), backend.provider(), Duration.ofNanos(System.nanoTime() - started));
                throw e;
            }
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            totals.record(response, latency);
            output = response.json();
            violations = check(output, call.shape(), call.count(), request.checks());
            if (violations.isEmpty()) {
                stats.success(backend.name(), backend.provider(), latency, response.promptTokens(),
                        response.completionTokens());
                return output;
            }
            stats.failure(backend.name(), backend.provider(), latency);
            current = current.repairing(output, violations);
        }
        throw new GenerationException(invalidOutput(backend, request, violations, output), violations, output);
    }

    static List<Violation> check(JsonNode output, Shape shape, int count, List<Rule> rules) {
        if (output == null) {
            return List.of(new Violation("", "the backend returned no JSON"));
        }
        if (count == 1) {
            List<Violation> violations = new ArrayList<>(shape.validate(output));
            rules.forEach(rule -> violations.addAll(rule.check(output)));
            return violations;
        }
        if (!output.isArray() || output.size() != count) {
            return List.of(new Violation("", "expected an array of exactly " + count + " records but got "
                    + (output.isArray() ? output.size() + " records" : output.getNodeType().toString().toLowerCase(Locale.ROOT))));
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prefix = "/" + i;
            JsonNode record = output.get(i);
            shape.validate(record).forEach(v -> violations.add(new Violation(prefix + v.pointer(), v.reason())));
            rules.forEach(rule -> rule.check(record).forEach(
                    v -> violations.add(new Violation(prefix + v.pointer(), v.reason()))));
        }
        return violations;
    }

    private static String invalidOutput(Backend backend, FixtureRequest request, List<Violation> violations,
                                        JsonNode output) {
        StringBuilder message = new StringBuilder("The backend \"").append(backend.name()).append("\" (")
                .append(backend.provider());
        if (backend.model() != null) {
            message.append(", model ").append(backend.model());
        }
        message.append(") produced data that does not fit the shape after ").append(request.maxAttempts())
                .append(request.maxAttempts() == 1 ? " attempt" : " attempts");
        if (request.label() != null) {
            message.append(" for ").append(request.label());
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

    private static JsonNode slice(JsonNode array, int from, int size) {
        if (!array.isArray()) {
            return array;
        }
        ArrayNode part = Json.MAPPER.createArrayNode();
        for (int i = from; i < Math.min(array.size(), from + size); i++) {
            part.add(array.get(i));
        }
        return part;
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "\n" + second;
    }

    /** Attempts, latency and tokens summed over the calls of one stage or request. */
    private static final class Totals {
        int attempts;
        Duration latency = Duration.ZERO;
        Long promptTokens;
        Long completionTokens;
        String model;

        void record(BackendResponse response, Duration took) {
            attempts += Math.max(1, response.attempts());
            latency = latency.plus(took);
            promptTokens = sum(promptTokens, response.promptTokens());
            completionTokens = sum(completionTokens, response.completionTokens());
            if (response.model() != null) {
                model = response.model();
            }
        }

        void add(Totals other) {
            attempts += other.attempts;
            latency = latency.plus(other.latency);
            promptTokens = sum(promptTokens, other.promptTokens);
            completionTokens = sum(completionTokens, other.completionTokens);
        }

        private static Long sum(Long a, Long b) {
            if (a == null) {
                return b;
            }
            return b == null ? a : a + b;
        }
    }
}

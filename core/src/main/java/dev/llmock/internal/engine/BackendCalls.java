package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.BackendException;
import dev.llmock.internal.backend.VerdictSchema;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendLimits;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import dev.llmock.spi.CallCost;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one place the engine calls a backend: times the call and books what it cost (and the failed calls before it)
 * in the stats and the stage's totals. An answer the backend reports cut off at the output token limit is asked for
 * again here, where the engine batches: N records as two calls of about N/2, one record (or a verdict on N) with twice
 * the budget in {@link BackendRequest#maxTokens()} ({@value #BUDGET_DOUBLINGS} times at most).
 */
final class BackendCalls {
    private static final System.Logger LOG = System.getLogger("dev.llmock");
    /** How often one truncated record is asked for again with twice the budget. */
    static final int BUDGET_DOUBLINGS = 2;
    /** The budget assumed when none is known and the backend did not say where it cut off. */
    static final int DEFAULT_BUDGET = 4096;

    private final StatsRecorder stats;
    private final Function<Backend, BackendLimits> limits;

    BackendCalls(StatsRecorder stats, Function<Backend, BackendLimits> limits) {
        this.stats = stats;
        this.limits = limits;
    }

    /**
     * An answer to judge, with what the calls that made it cost; {@code costs} is empty when no call made it here (or
     * someone else counted it).
     */
    record Candidate(JsonNode json, Duration latency, List<CallCost> costs) {
        static Candidate given(JsonNode json) {
            return new Candidate(json, Duration.ZERO, List.of());
        }

        Candidate withJson(JsonNode changed) {
            return new Candidate(changed, latency, costs);
        }

        /** The model that answered last, or null. */
        String model() {
            return costs.isEmpty() ? null : costs.get(costs.size() - 1).model();
        }
    }

    /** Calls {@code backend}, asking again in halves or with a larger budget while the answer is cut off. */
    Candidate call(Backend backend, BackendRequest request, Totals totals) {
        return call(backend, request, totals, BUDGET_DOUBLINGS);
    }

    /** Books the calls behind {@code answer} once its output is judged. */
    void settle(Candidate answer, boolean usable) {
        answer.costs().forEach(cost -> stats.answered(cost, usable, answer.latency()));
    }

    private Candidate call(Backend backend, BackendRequest request, Totals totals, int doublingsLeft) {
        long started = System.nanoTime();
        BackendResponse response;
        try {
            response = backend.call(request);
        } catch (BackendException e) {
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            List<CallCost> costs = e.costs();
            costs.subList(0, costs.size() - 1).forEach(stats::superseded);
            if (e.cost().truncated() && mayAskAgain(request, doublingsLeft)) {
                return again(backend, request, e.cost(), latency, totals, doublingsLeft);
            }
            stats.failed(e.cost(), latency);
            throw e;
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        response.failures().forEach(stats::superseded);
        CallCost cost = response.cost();
        if (cost.truncated()) {
            if (mayAskAgain(request, doublingsLeft)) {
                return again(backend, request, cost, latency, totals, doublingsLeft);
            }
            stats.failed(cost, latency);
            throw new BackendException(cost, null, 0, Messages.truncated(backend, request.maxTokens()), false, null);
        }
        totals.record(cost, latency);
        return new Candidate(owned(backend, response.json()), latency, List.of(cost));
    }

    /** The answer as a tree the engine owns: the fixture takes the engine's output without copying it. */
    private static JsonNode owned(Backend backend, JsonNode json) {
        return json == null || backend instanceof FreshOutput ? json : json.deepCopy();
    }

    private static boolean mayAskAgain(BackendRequest request, int doublingsLeft) {
        return splits(request) || doublingsLeft > 0;
    }

    /** Records can be asked for in halves; a verdict judges all of them at once, so it gets a larger budget. */
    private static boolean splits(BackendRequest request) {
        return request.count() > 1 && !VerdictSchema.wanted(request);
    }

    private Candidate again(Backend backend, BackendRequest request, CallCost cut, Duration latency, Totals totals,
                            int doublingsLeft) {
        stats.superseded(cut);
        totals.record(cut, latency);
        int count = request.count();
        if (splits(request)) {
            int first = Halves.firstSize(count);
            LOG.log(Level.INFO, () -> "llmock: backend \"" + backend.name() + "\" stopped at the output token limit"
                    + " with " + count + " records; asking for " + first + " and " + (count - first) + " in two calls");
            Candidate head = call(backend, Halves.slice(request, 0, first), totals, doublingsLeft);
            Candidate tail = call(backend, Halves.slice(request, first, count - first), totals, doublingsLeft);
            List<CallCost> costs = new ArrayList<>(head.costs());
            costs.addAll(tail.costs());
            return new Candidate(Halves.join(head.json(), first, tail.json(), count - first),
                    head.latency().plus(tail.latency()), costs);
        }
        int larger = budget(backend, request, cut) * 2;
        LOG.log(Level.INFO, () -> "llmock: backend \"" + backend.name() + "\" stopped at the output token limit;"
                + " asking again with max " + larger + " tokens");
        return call(backend, request.withMaxTokens(larger), totals, doublingsLeft - 1);
    }

    /** The budget the cut-off call had: the request's, else the backend's, else where the backend stopped. */
    private int budget(Backend backend, BackendRequest request, CallCost cut) {
        if (request.maxTokens() != null) {
            return request.maxTokens();
        }
        Integer configured = limits.apply(backend).maxTokens();
        if (configured != null) {
            return configured;
        }
        return cut.completionTokens() != null && cut.completionTokens() > 0 ? cut.completionTokens().intValue()
                : DEFAULT_BUDGET;
    }
}

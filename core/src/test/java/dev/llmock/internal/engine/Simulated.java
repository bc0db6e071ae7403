package dev.llmock.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.llmock.internal.Json;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendLimits;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import dev.llmock.spi.CallCost;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/** A provider with a set latency and set answers (right or wrong), recording every call it gets. */
final class Simulated implements Backend {
    static final int GATE_SECONDS = 10;
    private final String name;
    private final Function<BackendRequest, JsonNode> answers;
    private final long latencyMs;
    private final CountDownLatch gate;
    private final BackendLimits limits;
    private final Predicate<BackendRequest> cut;
    private final List<BackendRequest> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private Simulated(String name, long latencyMs, CountDownLatch gate, BackendLimits limits,
                      Predicate<BackendRequest> cut, Function<BackendRequest, JsonNode> answers) {
        this.name = name;
        this.latencyMs = latencyMs;
        this.gate = gate;
        this.limits = limits;
        this.cut = cut;
        this.answers = answers;
    }

    static Simulated answering(String name, Function<BackendRequest, JsonNode> answers) {
        return new Simulated(name, 0, null, BackendLimits.UNKNOWN, request -> false, answers);
    }

    /** Answers the given JSON texts in turn, the last one for every further call. */
    static Simulated answering(String name, String... texts) {
        AtomicInteger next = new AtomicInteger();
        return answering(name, request -> json(texts[Math.min(next.getAndIncrement(), texts.length - 1)]));
    }

    Simulated withLatency(long millis) {
        return new Simulated(name, millis, gate, limits, cut, answers);
    }

    Simulated withLimits(BackendLimits value) {
        return new Simulated(name, latencyMs, gate, value, cut, answers);
    }

    /** A backend that reports the calls {@code truncated} picks as cut off at the token limit, with no JSON. */
    Simulated cuttingOff(Predicate<BackendRequest> truncated) {
        return new Simulated(name, latencyMs, gate, limits, truncated, answers);
    }

    /**
     * A backend whose calls each count {@code started} down and answer only once it reaches zero: calls made one
     * after another never get there, and fail (after {@value #GATE_SECONDS} s) instead of answering.
     */
    Simulated withStartGate(CountDownLatch started) {
        return new Simulated(name, latencyMs, started, limits, cut, answers);
    }

    /** JSON with single quotes for readability in tests. */
    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An array of {@code request.count()} records made by {@code each} from the record index. */
    static JsonNode records(BackendRequest request, Function<Integer, JsonNode> each) {
        if (request.count() == 1) {
            return each.apply(request.firstIndex());
        }
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int i = 0; i < request.count(); i++) {
            array.add(each.apply(request.firstIndex() + i));
        }
        return array;
    }

    List<BackendRequest> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String provider() {
        return "simulated";
    }

    @Override
    public String model() {
        return "sim-1";
    }

    @Override
    public BackendLimits limits() {
        return limits;
    }

    @Override
    public BackendResponse call(BackendRequest request) {
        calls.add(request);
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (gate != null) {
                gate.countDown();
                if (!gate.await(GATE_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + " answered before every call it waits for had started");
                }
            }
            if (latencyMs > 0) {
                Thread.sleep(latencyMs);
            }
            boolean truncated = cut.test(request);
            CallCost cost = new CallCost(name, provider(), model(), 1, 0, null, null, truncated);
            return new BackendResponse(truncated ? null : answers.apply(request), cost);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}

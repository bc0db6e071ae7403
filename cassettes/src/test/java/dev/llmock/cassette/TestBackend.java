package dev.llmock.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.internal.synthetic.SyntheticBackend;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendLimits;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import dev.llmock.spi.CallCost;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/** A backend that counts its calls: the synthetic generator, or scripted answers. */
final class TestBackend implements Backend {
    static final String NAME = "counting";
    static final Instant RECORDED_AT = Instant.parse("2024-05-01T10:00:00Z");

    final AtomicInteger calls = new AtomicInteger();
    private final Backend synthetic = new SyntheticBackend(NAME);
    private final BiFunction<BackendRequest, Integer, JsonNode> script;

    private TestBackend(BiFunction<BackendRequest, Integer, JsonNode> script) {
        this.script = script;
    }

    /** Realistic deterministic data from the embedded generator. */
    static TestBackend synthetic() {
        return new TestBackend(null);
    }

    /** Answers {@code script(request, callNumber)}; call numbers start at 1. */
    static TestBackend scripted(BiFunction<BackendRequest, Integer, JsonNode> script) {
        return new TestBackend(script);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String provider() {
        return "synthetic";
    }

    @Override
    public String model() {
        return "test-model";
    }

    @Override
    public BackendLimits limits() {
        return synthetic.limits();
    }

    @Override
    public BackendResponse call(BackendRequest request) {
        int call = calls.incrementAndGet();
        if (script == null) {
            return synthetic.call(request);
        }
        return new BackendResponse(script.apply(request, call), new CallCost(name(), provider(), "test-model", 1, 0, 10L,
                20L, false));
    }

    /** An engine whose only interceptor is the cassette's, without the in-JVM cache, clock fixed at RECORDED_AT. */
    static Llmock engine(Cassette cassette, Backend backend) {
        return engine(cassette, backend, Clock.fixed(RECORDED_AT, ZoneOffset.UTC));
    }

    static Llmock engine(Cassette cassette, Backend backend, Clock clock) {
        return Llmock.newBuilder().interceptor(cassette.interceptor()).backend(backend).cache(false).clock(clock).build();
    }

    static FixtureRequest.Builder request(String shape) {
        return FixtureRequest.newBuilder().shape(shape).backend(NAME);
    }

    static Fixture generate(Cassette cassette, Backend backend, FixtureRequest request) {
        try (Llmock llmock = engine(cassette, backend)) {
            return llmock.generate(request);
        }
    }
}

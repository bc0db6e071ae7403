package dev.llmock.internal.backend.http;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.internal.Json;
import dev.llmock.spi.Backend;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback LLM for tests: WireMock on 127.0.0.1 (a free port) that the test stubs with the providers' own wire
 * formats ({@link ProviderReplies}), started before each test and stopped after it, together with every engine the
 * test made on it.
 *
 * <pre>{@code
 * @RegisterExtension
 * final LoopbackLlm llm = LoopbackLlm.serving(BACKEND, "/v1/chat/completions");
 *
 * @Test
 * void answers() {
 *     llm.stubFor(post(llm.path()).willReturn(okJson(ProviderReplies.openAiCompletion(ADA, "stop"))));
 *     assertThat(llm.engine().generate(LoopbackLlm.request("gpt")).json()).isEqualTo(LoopbackLlm.json(ADA));
 * }
 * }</pre>
 */
public final class LoopbackLlm implements BeforeEachCallback, AfterEachCallback {
    /** A key that must never show up anywhere but in the request header. */
    public static final String API_KEY = "sk-test-" + "SECRET-4f9c2a7e1b";
    public static final String SHAPE = "{\"name\":\"string\",\"age\":0}";
    /** A record of {@link #SHAPE}. */
    public static final String ADA = "{\"name\":\"Ada Lovelace\",\"age\":36}";
    /** One attempt per call: no retries. */
    public static final String ONE_ATTEMPT = "{\"maxAttempts\":1,\"baseDelayMs\":1,\"maxDelayMs\":5}";
    /** Quick retries, so that tests of retries take milliseconds. */
    public static final String FAST_RETRIES = "{\"maxAttempts\":3,\"baseDelayMs\":1,\"maxDelayMs\":20}";
    public static final String BREAKER = "{\"enabled\":true,\"failureThreshold\":5,\"openSeconds\":30}";

    private final String backends;
    private final String path;
    private final TestClock clock = new TestClock();
    private final InFlight inFlight = new InFlight();
    private final List<Llmock> engines = new ArrayList<>();
    private WireMockServer server;
    private Llmock engine;

    private LoopbackLlm(String backends, String path) {
        this.backends = backends;
        this.path = path;
    }

    /**
     * A loopback LLM for the backends in {@code backends} (JSON objects of {@code llmock.json}'s {@code backends},
     * {@code {base}} standing for the server's base URL), answering on {@code path}.
     */
    public static LoopbackLlm serving(String backends, String path) {
        return new LoopbackLlm(backends, path);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(inFlight, new OpenAiStrictRules()));
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Gate gate = inFlight.gate;
        if (gate != null) {
            gate.open();
        }
        engines.forEach(Llmock::close);
        engines.clear();
        engine = null;
        server.stop();
    }

    public void stubFor(MappingBuilder stub) {
        server.stubFor(stub);
    }

    /** Forgets stubs and requests, as a fresh server would. */
    public void resetAll() {
        server.resetAll();
    }

    public int port() {
        return server.port();
    }

    /** The path the provider answers on, as given to {@link #serving}. */
    public String path() {
        return path;
    }

    /** The URL of {@link #path()}: {@code http://127.0.0.1:<port><path>}. */
    public String url() {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** The POST requests to {@link #path()}. */
    public List<LoggedRequest> requests() {
        return requests(path);
    }

    public List<LoggedRequest> requests(String at) {
        return server.findAll(postRequestedFor(urlEqualTo(at)));
    }

    public TestClock clock() {
        return clock;
    }

    /** The configuration of the backends given to {@link #serving}, with fast retries. */
    public LlmockConfig config() {
        return config(backends);
    }

    public LlmockConfig config(String backendsJson) {
        return config(backendsJson, FAST_RETRIES, BREAKER);
    }

    /** {@code backendsJson} with {@code {base}} replaced, and these {@code retry} and {@code circuitBreaker}. */
    public LlmockConfig config(String backendsJson, String retry, String breaker) {
        String json = "{\"retry\":" + retry + ",\"circuitBreaker\":" + breaker + ",\"backends\":["
                + backendsJson.replace("{base}", "http://127.0.0.1:" + server.port()) + "]}";
        return LlmockConfig.parse(json, "test");
    }

    /** An engine on {@link #config()} and this clock, without the in-JVM cache; made once per test. */
    public Llmock engine() {
        if (engine == null) {
            engine = engine(config());
        }
        return engine;
    }

    /** Another engine on {@code config}, closed after the test. */
    public Llmock engine(LlmockConfig config) {
        return keep(Llmock.newBuilder().config(config).clock(clock).cache(false).build());
    }

    /** An engine on {@code config} that calls {@code backend} under its name, closed after the test. */
    public Llmock engine(LlmockConfig config, Backend backend) {
        return keep(Llmock.newBuilder().config(config).clock(clock).backend(backend).cache(false).build());
    }

    /**
     * An OpenAI-compatible backend of {@code llmock.json} at {@code <base><path>}, model {@code m<path>} (slashes as
     * dashes); {@code extra} adds keys ({@code ,"weight":3}).
     */
    public static String openAiBackend(String name, String path, String extra) {
        return "{\"name\":\"" + name + "\",\"provider\":\"openai\",\"baseUrl\":\"{base}" + path + "\","
                + "\"model\":\"m" + path.replace('/', '-') + "\"" + extra + "}";
    }

    /** Chat completions under {@code path} answer {@code content}. */
    public void answerOpenAi(String path, String content) {
        server.stubFor(post(path + "/chat/completions").willReturn(okJson(ProviderReplies.openAiCompletion(content,
                "stop"))));
    }

    /** Chat completions under {@code path} fail with OpenAI's HTTP 500. */
    public void failOpenAi(String path) {
        server.stubFor(post(path + "/chat/completions").willReturn(ProviderReplies.openAiServerError()));
    }

    /** The chat completion requests under {@code path}. */
    public List<LoggedRequest> openAiRequests(String path) {
        return requests(path + "/chat/completions");
    }

    /** Holds each request this long before answering, so that calls a client sends together overlap here. */
    public void holdEachRequest(Duration hold) {
        inFlight.hold = hold;
    }

    /**
     * Holds every request from now on at a gate until {@link Gate#open()}, counting arrivals: a test sees which calls
     * reached the server while they are still in flight. Opened after the test at the latest.
     */
    public Gate gate() {
        Gate gate = new Gate();
        inFlight.gate = gate;
        return gate;
    }

    /** Requests held until opened; see {@link #gate()}. */
    public static final class Gate {
        private final CountDownLatch open = new CountDownLatch(1);
        private final AtomicInteger arrived = new AtomicInteger();
        private final Semaphore arrivals = new Semaphore(0);

        /** Requests that reached the server since the gate was set. */
        public int arrived() {
            return arrived.get();
        }

        /** Waits until {@code count} requests have reached the gate; false if they did not within 30 seconds. */
        public boolean awaitArrivals(int count) throws InterruptedException {
            boolean came = arrivals.tryAcquire(count, 30, TimeUnit.SECONDS);
            if (came) {
                arrivals.release(count);
            }
            return came;
        }

        public void open() {
            open.countDown();
        }

        void pass() {
            arrived.incrementAndGet();
            arrivals.release();
            try {
                open.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The most requests this server was answering at once. */
    public int maxInFlight() {
        return inFlight.max.get();
    }

    /** One record of {@link #SHAPE} from {@code backend}. */
    public static FixtureRequest request(String backend) {
        return FixtureRequest.newBuilder().shape(SHAPE).backend(backend).build();
    }

    /** One record of {@link #SHAPE} from {@code backend}; {@code n} makes each call a different request. */
    public static FixtureRequest request(String backend, int n) {
        return FixtureRequest.newBuilder().shape(SHAPE).backend(backend).prompt("call " + n).build();
    }

    public static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON body a request sent. */
    public static JsonNode body(LoggedRequest request) {
        return json(request.getBodyAsString());
    }

    private Llmock keep(Llmock made) {
        engines.add(made);
        return made;
    }

    /**
     * Counts requests between their arrival and the moment their answer is sent, so no client can have the answer
     * while it is still counted.
     */
    private static final class InFlight implements ServeEventListener {
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();
        private volatile Duration hold = Duration.ZERO;
        private volatile Gate gate;

        @Override
        public void beforeMatch(ServeEvent event, Parameters parameters) {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
            Gate held = gate;
            if (held != null) {
                held.pass();
            }
            try {
                Thread.sleep(hold.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void beforeResponseSent(ServeEvent event, Parameters parameters) {
            now.decrementAndGet();
        }

        @Override
        public String getName() {
            return "llmock-in-flight";
        }
    }
}

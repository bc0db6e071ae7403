package dev.llmock.internal.backend.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.Bulkhead;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.llmock.BackendConfig;
import dev.llmock.internal.Json;
import dev.llmock.internal.backend.JsonText;
import dev.llmock.internal.backend.PromptBuilder;
import dev.llmock.internal.backend.ProviderSchema;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendLimits;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import dev.llmock.spi.CallCost;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The part every network provider shares: prompt and schema, one POST of JSON, and around it retries with back-off
 * (Failsafe), {@code retry-after}, the per-attempt timeout, the circuit breaker, {@code maxConcurrentRequests},
 * reporting truncation and unwrapping of the answer. A provider says only how its request and answer look.
 *
 * <p>The API key goes into a header and nowhere else: it is redacted from provider messages, and neither messages,
 * log lines nor {@link #toString()} show it.
 */
public abstract class HttpBackend implements Backend {
    private static final System.Logger LOG = System.getLogger("dev.llmock.backend");
    private static final MediaType JSON = MediaType.get("application/json");
    /** The budget sent to providers that require one when none is configured. */
    protected static final int DEFAULT_BUDGET = 4096;
    private static final int EXCERPT = 300;

    protected final BackendConfig config;
    protected final HttpSettings settings;
    private final String who;
    private final OkHttpClient client;
    private final Circuit circuit;
    private final FailsafeExecutor<Reply> executor;
    private final AtomicBoolean plainJson = new AtomicBoolean();
    private final Random jitter;

    /**
     * What a provider answered.
     *
     * @param text             the answer as text, when the provider answers in text
     * @param json             the answer as JSON, when the provider hands it over parsed (Anthropic's tool input)
     * @param truncated        whether the provider stopped at the token limit
     * @param stopReason       the provider's word for why it stopped, for messages
     */
    public record Reply(String text, JsonNode json, boolean truncated, String stopReason, Long promptTokens,
                           Long completionTokens, String model) {
    }

    /** One request to a provider: the path under {@code baseUrl}, the body and the headers. */
    public record Outgoing(String path, ObjectNode body, Map<String, String> headers) {
    }

    protected HttpBackend(BackendConfig config, HttpSettings settings) {
        this.config = config;
        this.settings = settings;
        this.who = Messages.who(config);
        this.client = settings.timedClient();
        this.circuit = new Circuit(settings.circuitBreaker().enabled(), settings.circuitBreaker().failureThreshold(),
                Duration.ofSeconds(settings.circuitBreaker().openSeconds()), settings.clock());
        this.jitter = new Random(config.name().hashCode() * 31L + settings.retry().maxAttempts());
        RetryPolicy<Reply> retry = RetryPolicy.<Reply>builder()
                .handleIf(failure -> failure instanceof ProviderException p && p.retryable())
                .withMaxAttempts(settings.retry().maxAttempts())
                .withDelayFn(context -> delay(context.getLastException(), context.getAttemptCount()))
                .onRetryScheduled(event -> LOG.log(Level.INFO, () -> redact("llmock: " + who + ": attempt "
                        + event.getAttemptCount() + " of " + settings.retry().maxAttempts() + " failed ("
                        + summary(event.getLastException()) + "); retrying in " + event.getDelay().toMillis() + " ms")))
                .build();
        FailsafeExecutor<Reply> base = Failsafe.with(retry);
        Integer limit = config.maxConcurrentRequests();
        this.executor = limit == null ? base
                : base.compose(Bulkhead.<Reply>builder(limit).withMaxWaitTime(settings.timeout()).build());
    }

    /** Builds the provider's request. {@code plainJson} asks for JSON without a schema (after a server rejected it). */
    protected abstract Outgoing request(BackendRequest request, ProviderSchema schema, PromptBuilder.Prompt prompt,
                                        Integer maxTokens, boolean plainJson);

    /** Reads the provider's successful answer. */
    protected abstract Reply reply(JsonNode body);

    /** Whether the prompt must spell out the schema, because the request does not carry it or the model cannot see it. */
    protected abstract boolean schemaInPrompt(boolean plainJson);

    /** Whether a failure says the server does not accept a schema, so that plain JSON mode should be tried. */
    protected boolean rejectsSchema(int status, String providerMessage) {
        return false;
    }

    /** The provider's own words from an error body: {@code error.message}, or {@code error} when it is text. */
    protected String errorMessage(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        if (error.path("message").isTextual()) {
            return error.path("message").asText();
        }
        return body.path("message").isTextual() ? body.path("message").asText() : null;
    }

    /** A failure for an answer that refuses to produce the data (a safety refusal), which no retry will change. */
    protected final RuntimeException refused(String refusal) {
        return ProviderException.at(who, Messages.display(config.baseUrl())).status(200)
                .outcome(Messages.refused(redact(refusal))).build(oneAttempt());
    }

    /** The sampling temperature, within {@code [0, max]}. */
    protected double temperature(double max) {
        return Math.max(0, Math.min(max, settings.temperature()));
    }

    /** A non-negative 31-bit seed, which every provider accepts. */
    protected static int seed(BackendRequest request) {
        return (int) Math.floorMod(request.seed(), (long) Integer.MAX_VALUE);
    }

    protected String apiKey() {
        return config.apiKey() == null || config.apiKey().isEmpty() ? null : config.apiKey();
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public String provider() {
        return config.provider();
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    public BackendLimits limits() {
        return BackendLimits.of(config);
    }

    @Override
    public boolean acceptsCalls() {
        return circuit.allows();
    }

    /**
     * One call. An answer cut off at the token limit is never parsed as if whole: it fails with a cost that says
     * {@link CallCost#truncated() truncated}, and the engine, which batches, asks again with fewer records or a larger
     * budget in {@link BackendRequest#maxTokens()}.
     */
    @Override
    public BackendResponse call(BackendRequest request) {
        Tally tally = new Tally();
        Integer budget = request.maxTokens() != null ? request.maxTokens() : config.maxTokens();
        ProviderSchema schema = ProviderSchema.of(request.shape(), request.count(), settings.limits());
        Reply reply;
        try {
            reply = exchange(request, schema, budget, tally);
        } catch (ProviderException e) {
            throw e.withCost(tally.cost(this, false));
        }
        if (reply.truncated()) {
            LOG.log(Level.DEBUG, () -> "llmock: " + who + " stopped at the token limit (" + reply.stopReason() + ")");
            throw ProviderException.at(who, Messages.display(url(""))).status(200)
                    .outcome(Messages.truncated(reply.stopReason(), budget)).hint(Messages.truncatedHint(config))
                    .build(tally.cost(this, true));
        }
        return new BackendResponse(parse(reply, schema), tally.cost(this, false));
    }

    private CallCost oneAttempt() {
        return CallCost.of(this);
    }

    /** One exchange; a server that rejects the schema is asked once more in plain JSON mode, and remembered. */
    private Reply exchange(BackendRequest request, ProviderSchema schema, Integer budget, Tally tally) {
        boolean plain = plainJson.get();
        try {
            return send(request, schema, budget, plain, tally);
        } catch (ProviderException e) {
            if (plain || !rejectsSchema(e.status(), e.detail())) {
                throw e;
            }
            plainJson.set(true);
            tally.retries++;
            LOG.log(Level.INFO, () -> redact("llmock: " + who + " rejected the JSON schema (HTTP " + e.status() + ": "
                    + e.detail() + "); asking for plain JSON with the schema in the prompt from now on"));
            return send(request, schema, budget, true, tally);
        }
    }

    private Reply send(BackendRequest request, ProviderSchema schema, Integer budget, boolean plain, Tally tally) {
        PromptBuilder.Prompt prompt = PromptBuilder.build(request, schema, schemaInPrompt(plain));
        Outgoing outgoing = request(request, schema, prompt, budget, plain);
        String url = url(outgoing.path());
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(outgoing.body());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        int before = tally.attempts;
        try {
            return executor.get(() -> attempt(url, outgoing, body, tally));
        } catch (ProviderException e) {
            throw e.afterAttempts(tally.attempts - before);
        } catch (BulkheadFullException e) {
            throw ProviderException.at(who, Messages.display(url))
                    .outcome(Messages.busyOutcome(config.maxConcurrentRequests(), settings.timeout()))
                    .hint(Messages.timeoutHint(config)).cause(e).build(oneAttempt());
        } finally {
            tally.retries += Math.max(0, tally.attempts - before - 1);
        }
    }

    private Reply attempt(String url, Outgoing outgoing, byte[] body, Tally tally) {
        String shown = Messages.display(url);
        if (!circuit.allows()) {
            throw ProviderException.at(who, shown).outcome(Messages.circuitOpen(circuit.consecutiveFailures(),
                    circuit.lastStatus(), circuit.halfOpensAt(), settings.circuitBreaker().openSeconds()))
                    .hint(Messages.circuitHint()).build(oneAttempt());
        }
        tally.attempts++;
        Request.Builder http = new Request.Builder().url(url).post(RequestBody.create(body, JSON));
        outgoing.headers().forEach(http::header);
        LOG.log(Level.DEBUG, () -> "llmock: " + who + ": POST " + shown + " (" + body.length + " bytes)");
        try (Response response = client.newCall(http.build()).execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            LOG.log(Level.DEBUG, () -> "llmock: " + who + ": HTTP " + response.code() + " from " + shown);
            if (!response.isSuccessful()) {
                int status = response.code();
                boolean retryable = retryable(status);
                ProviderException.Builder failure = ProviderException.at(who, shown).status(status)
                        .outcome(Messages.httpOutcome(status)).detail(providerMessage(text))
                        .hint(Messages.hintFor(status, config, settings.source()));
                if (retryable) {
                    failure.retryable(RetryAfter.parse(response.headers(), settings.clock()));
                    circuit.failure(status);
                }
                throw failure.build(oneAttempt());
            }
            JsonNode json;
            try {
                json = Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                circuit.success();
                throw ProviderException.at(who, shown).status(response.code())
                        .outcome(Messages.notJson(redact(excerpt(text)))).hint(Messages.ioHint(config))
                        .build(oneAttempt());
            }
            circuit.success();
            Reply reply = reply(json);
            tally.add(reply);
            return reply;
        } catch (InterruptedIOException e) {
            circuit.failure(0);
            throw ProviderException.at(who, shown).outcome(Messages.timeoutOutcome(settings.timeout()))
                    .hint(Messages.timeoutHint(config)).retryable(null).cause(e).build(oneAttempt());
        } catch (IOException e) {
            circuit.failure(0);
            throw ProviderException.at(who, shown).outcome(Messages.ioOutcome())
                    .detail(redact("connection failed (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"))
                    .hint(Messages.ioHint(config)).retryable(null).cause(e).build(oneAttempt());
        }
    }

    /** I/O errors, 408, 409, 429 and 5xx (Anthropic's 529 "overloaded" included) may pass; other 4xx will not. */
    static boolean retryable(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /** The wait before the next attempt: what the provider asked for (capped), else exponential back-off with jitter. */
    private Duration delay(Throwable last, int attemptsSoFar) {
        Duration cap = Duration.ofMillis(Math.max(0, settings.retry().maxDelayMs()));
        if (last instanceof ProviderException failure && failure.retryAfter() != null) {
            return failure.retryAfter().compareTo(cap) > 0 ? cap : failure.retryAfter();
        }
        double random;
        synchronized (jitter) {
            random = jitter.nextDouble();
        }
        return backoff(settings.retry().baseDelayMs(), settings.retry().maxDelayMs(), attemptsSoFar, random);
    }

    /** {@code base * 2^(n-1)}, spread by ±25 % so that clients that failed together do not retry together, capped. */
    static Duration backoff(long baseMs, long maxMs, int failedAttempts, double random) {
        double exponential = baseMs * Math.pow(2, Math.max(0, Math.min(failedAttempts - 1, 30)));
        double spread = exponential * (0.75 + 0.5 * random);
        return Duration.ofMillis((long) Math.min(Math.max(0, maxMs), spread));
    }

    private JsonNode parse(Reply reply, ProviderSchema schema) {
        JsonNode value = reply.json() != null ? reply.json() : JsonText.extract(reply.text()).orElse(null);
        if (value == null) {
            // No JSON: the engine treats a null answer as a violation and asks again with it listed.
            LOG.log(Level.WARNING, () -> redact("llmock: " + who + " answered text that is not JSON ("
                    + JsonText.problem(reply.text()) + "): " + excerpt(reply.text())));
            return null;
        }
        return schema.unwrap(value);
    }

    private String providerMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            String message = json != null && json.isObject() ? errorMessage(json) : null;
            return redact(message != null ? message : excerpt(body));
        } catch (JsonProcessingException e) {
            return redact(excerpt(body));
        }
    }

    private static String summary(Throwable failure) {
        if (failure instanceof ProviderException e) {
            return e.status() > 0 ? "HTTP " + e.status() + (e.detail() == null ? "" : ": " + e.detail())
                    : e.detail() != null ? e.detail() : "no response";
        }
        return String.valueOf(failure);
    }

    /** Removes the API key from text that came from elsewhere (a provider may echo it back in an error). */
    protected final String redact(String text) {
        String key = apiKey();
        if (text == null || key == null || key.length() < 4) {
            return text;
        }
        return text.replace(key, "<redacted>");
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "..." : flat;
    }

    private String url(String path) {
        String base = config.baseUrl();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + path;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[name=" + config.name() + ", baseUrl=" + Messages.display(config.baseUrl())
                + ", model=" + config.model() + "]";
    }

    /** Attempts, retries and tokens of one call, on the calling thread. */
    private static final class Tally {
        int attempts;
        int retries;
        Long promptTokens;
        Long completionTokens;
        String model;

        void add(Reply reply) {
            promptTokens = sum(promptTokens, reply.promptTokens());
            completionTokens = sum(completionTokens, reply.completionTokens());
            if (reply.model() != null) {
                model = reply.model();
            }
        }

        CallCost cost(Backend backend, boolean truncated) {
            return new CallCost(backend.name(), backend.provider(), model != null ? model : backend.model(),
                    attempts, retries, promptTokens, completionTokens, truncated);
        }

        private static Long sum(Long a, Long b) {
            if (a == null) {
                return b;
            }
            return b == null ? a : a + b;
        }
    }

    /** A token count from a provider's usage block, or null when the provider did not send one. */
    protected static Long tokens(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }
}

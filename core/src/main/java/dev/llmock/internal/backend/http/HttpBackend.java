package dev.llmock.internal.backend.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.BackendConfig;
import dev.llmock.internal.Json;
import dev.llmock.internal.backend.JsonText;
import dev.llmock.internal.backend.OptionalNulls;
import dev.llmock.internal.backend.PromptBuilder;
import dev.llmock.internal.backend.ProviderSchema;
import dev.llmock.internal.backend.VerdictSchema;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendLimits;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import dev.llmock.spi.CallCost;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;

/**
 * A network provider as a {@link Backend}: the prompt and the schema, the provider's request and answer
 * ({@link Provider}), sent through {@link Transport} inside {@link Resilience}, with {@link SchemaFallback} for servers
 * that reject a schema. An answer cut off at the token limit is reported in the cost, never parsed as if whole; the
 * {@code null}s a strict provider writes for properties the shape leaves optional are removed ({@link OptionalNulls}).
 *
 * <p>The API key goes into a header and nowhere else: it is redacted from provider messages, and neither messages,
 * log lines nor {@link #toString()} show it.
 */
final class HttpBackend implements Backend {
    private static final System.Logger LOG = System.getLogger("dev.llmock.backend");

    private final BackendConfig config;
    private final HttpSettings settings;
    private final Provider provider;
    private final String who;
    private final Redaction redaction;
    private final Transport transport;
    private final Resilience resilience;
    private final SchemaFallback schemaFallback;

    HttpBackend(BackendConfig config, HttpSettings settings, Provider provider) {
        this.config = config;
        this.settings = settings;
        this.provider = provider;
        this.who = Messages.who(config);
        this.redaction = new Redaction(provider.apiKey());
        this.transport = new Transport(config, settings, redaction, provider::errorMessage);
        this.resilience = new Resilience(config, settings, redaction);
        this.schemaFallback = new SchemaFallback(provider, who, redaction);
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
        return resilience.acceptsCalls();
    }

    /**
     * One call. An answer cut off at the token limit fails with a cost that says
     * {@link CallCost#truncated() truncated}; the engine, which batches, asks again with fewer records or a larger
     * budget in {@link BackendRequest#maxTokens()}.
     */
    @Override
    public BackendResponse call(BackendRequest request) {
        Tally tally = new Tally();
        Integer budget = request.maxTokens() != null ? request.maxTokens() : config.maxTokens();
        ProviderSchema schema = VerdictSchema.forCall(request, ProviderSchema.of(request.shape(), request.count(),
                settings.limits()));
        Provider.Reply reply;
        try {
            reply = schemaFallback.exchange(request.shape().canonical(), plain -> send(new Provider.Ask(request, schema,
                    PromptBuilder.build(request, schema, provider.schemaInPrompt(plain)), budget, plain), tally), tally);
        } catch (ProviderException e) {
            throw e.withCost(tally.cost(this, false));
        }
        tally.answered(reply);
        if (reply.refusal() != null) {
            throw ProviderException.at(config, Messages.display(config.baseUrl())).status(200)
                    .outcome(Messages.refused(redaction.apply(reply.refusal()))).build(tally.cost(this, false));
        }
        if (reply.truncated()) {
            LOG.log(Level.DEBUG, () -> "llmock: " + who + " stopped at the token limit (" + reply.stopReason() + ")");
            throw ProviderException.at(config, Messages.display(transport.url(""))).status(200)
                    .outcome(Messages.truncated(reply.stopReason(), budget)).hint(Messages.truncatedHint(config))
                    .build(tally.cost(this, true));
        }
        return new BackendResponse(OptionalNulls.stripAnswer(parse(reply, schema), request.shape().toJsonSchema(),
                request.count(), VerdictSchema.wanted(request)), tally.cost(this, false));
    }

    private Provider.Reply send(Provider.Ask ask, Tally tally) {
        Provider.Outgoing outgoing = provider.request(ask);
        String url = transport.url(outgoing.path());
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(outgoing.body());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return resilience.run(Messages.display(url),
                () -> provider.reply(transport.post(url, outgoing.headers(), body)), tally);
    }

    private JsonNode parse(Provider.Reply reply, ProviderSchema schema) {
        JsonNode value = reply.json() != null ? reply.json() : JsonText.extract(reply.text()).orElse(null);
        if (value == null) {
            // No JSON: the engine treats a null answer as a violation and asks again with it listed.
            LOG.log(Level.WARNING, () -> redaction.apply("llmock: " + who + " answered text that is not JSON ("
                    + JsonText.problem(reply.text()) + "): ") + redaction.excerpt(reply.text()));
            return null;
        }
        return schema.unwrap(value);
    }

    @Override
    public String toString() {
        return "HttpBackend[name=" + config.name() + ", provider=" + config.provider() + ", baseUrl="
                + Messages.display(config.baseUrl()) + ", model=" + config.model() + "]";
    }
}

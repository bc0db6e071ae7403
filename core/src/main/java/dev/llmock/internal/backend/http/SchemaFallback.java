package dev.llmock.internal.backend.http;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Structured output where the server takes it, plain JSON where it does not: a server that rejects the JSON schema is
 * asked once more for plain JSON (the schema then goes into the prompt), and is asked that way from then on.
 */
final class SchemaFallback {
    private static final System.Logger LOG = System.getLogger("dev.llmock.backend");

    private final Provider provider;
    private final String who;
    private final Redaction redaction;
    private final AtomicBoolean plainJson = new AtomicBoolean();

    SchemaFallback(Provider provider, String who, Redaction redaction) {
        this.provider = provider;
        this.who = who;
        this.redaction = redaction;
    }

    /** {@code send(plainJson)}, and once more in plain JSON mode when the server rejected the schema. */
    <T> T exchange(Function<Boolean, T> send, Tally tally) {
        boolean plain = plainJson.get();
        try {
            return send.apply(plain);
        } catch (ProviderException e) {
            if (plain || !provider.rejectsSchema(e.status(), e.detail())) {
                throw e;
            }
            plainJson.set(true);
            tally.retried(1);
            LOG.log(Level.INFO, () -> redaction.apply("llmock: " + who + " rejected the JSON schema (HTTP "
                    + e.status() + ": " + e.detail() + "); asking for plain JSON with the schema in the prompt from"
                    + " now on"));
            return send.apply(true);
        }
    }
}

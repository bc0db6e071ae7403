package dev.llmock.internal.backend.http;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Structured output where the server takes it, plain JSON where it does not, decided per shape: a server that rejects
 * the JSON schema of a shape is asked once more for plain JSON (the schema then goes into the prompt), and is asked
 * that way for that shape from then on, while other shapes still go with their schema. The first rejection of each
 * shape is logged once, at WARNING, with the backend and the server's reason; the answers are still checked against
 * the shape.
 */
final class SchemaFallback {
    private static final System.Logger LOG = System.getLogger("dev.llmock.backend");

    private final Provider provider;
    private final String who;
    private final Redaction redaction;
    /** The canonical text of each shape whose schema this server rejected. */
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();

    SchemaFallback(Provider provider, String who, Redaction redaction) {
        this.provider = provider;
        this.who = who;
        this.redaction = redaction;
    }

    /**
     * {@code send(plainJson)}, and once more in plain JSON mode when the server rejected the schema.
     *
     * @param shape the shape's canonical text, which the decision is kept under
     */
    <T> T exchange(String shape, Function<Boolean, T> send, Tally tally) {
        boolean plain = rejected.contains(shape);
        try {
            return send.apply(plain);
        } catch (ProviderException e) {
            if (plain || !provider.rejectsSchema(e.status(), e.detail())) {
                throw e;
            }
            if (rejected.add(shape)) {
                LOG.log(Level.WARNING, () -> redaction.apply(Messages.schemaRejected(who, e.status(), e.detail(),
                        shape)));
            }
            tally.retried(1);
            return send.apply(true);
        }
    }
}

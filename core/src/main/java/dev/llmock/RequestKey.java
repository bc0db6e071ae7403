package dev.llmock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The identity of a logical request: its canonical JSON (shape, count, backends, stages, prompt, rules, variant,
 * context) and the SHA-256 of that text, which names the request's entry in a cassette.
 *
 * <p>This is the only place the hash is computed: the engine, the cassette files and {@code llmock cassettes verify}
 * all go through {@link #of(JsonNode)}, so they cannot disagree.
 *
 * <pre>{@code
 * RequestKey key = request.key();
 * key.hash();          // "3fa2c1d0e9b7..." (64 hex digits)
 * key.json();          // {"backend":"","count":1,"shape":{...},"variant":0}
 * }</pre>
 *
 * @since 0.2.0
 */
public final class RequestKey {
    /** Hex digits shown where a whole hash would be noise (messages, reports): {@value}. */
    public static final int SHORT_LENGTH = 12;

    /** One digest per thread: looking the algorithm up costs more than hashing a key. */
    private static final ThreadLocal<MessageDigest> SHA256 = new ThreadLocal<>();

    private final ObjectNode json;
    private final String hash;
    /** The canonical text, or null until asked for when the key was hashed from its pieces. */
    private volatile String canonical;
    /** The pieces of the canonical text when it is made on demand; null otherwise. */
    private final Json.TextAround around;
    private final String knownText;

    private RequestKey(ObjectNode json, String canonical, String hash) {
        this(json, canonical, hash, null, null);
    }

    private RequestKey(ObjectNode json, String canonical, String hash, Json.TextAround around, String knownText) {
        this.json = json;
        this.canonical = canonical;
        this.hash = hash;
        this.around = around;
        this.knownText = knownText;
    }

    /**
     * The key of a logical request given as JSON (as a cassette stores it under {@code request}).
     *
     * @throws IllegalArgumentException when {@code request} is not a JSON object
     * @param request the logical request as a JSON object
     * @return the key
     */
    public static RequestKey of(JsonNode request) {
        Objects.requireNonNull(request, "request");
        if (!request.isObject()) {
            throw new IllegalArgumentException("A request key is made from a JSON object, but got " + request
                    .getNodeType().name().toLowerCase(Locale.ROOT) + ".");
        }
        String canonical = Json.canonical(request);
        return new RequestKey(((ObjectNode) request).deepCopy(), canonical, sha256(canonical));
    }

    /**
     * The key of {@code request} whose canonical text is known; {@code request} is kept as it is (it may share subtrees
     * that must not change), since {@link #json()} hands out copies only.
     */
    static RequestKey ofShared(ObjectNode request, String canonical) {
        return new RequestKey(request, canonical, sha256(canonical));
    }

    /**
     * The key of {@code request} (kept as it is, as {@link #ofShared(ObjectNode, String)}) whose canonical text is
     * {@code around.before()}, then the shape's {@code schema.text()}, then {@code around.after()}. The shape's part is
     * hashed once per shape and what comes before it: every request then hashes only its short tail, and the whole
     * text is written only when {@link #canonical()} is asked for.
     */
    static RequestKey ofShared(ObjectNode request, Json.TextAround around, Shape.KeySchema schema) {
        MessageDigest sha256 = schema.digestThrough(around.before());
        byte[] digest = sha256.digest(around.after().getBytes(StandardCharsets.UTF_8));
        return new RequestKey(request, null, HexFormat.of().formatHex(digest), around, schema.text());
    }

    /**
     * {@return whether {@code text} has the form of a hash: 64 lowercase hex digits}
     *
     * @param text the text, or null
     */
    public static boolean isHash(String text) {
        return text != null && text.length() == 64 && text.chars().allMatch(c -> c >= '0' && c <= '9'
                || c >= 'a' && c <= 'f');
    }

    /** {@return the logical request as JSON (a copy)} */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** {@return the logical request as canonical JSON text: keys sorted at every level, no spaces} */
    public String canonical() {
        String result = canonical;
        if (result == null) {
            result = around.before() + knownText + around.after();
            canonical = result;
        }
        return result;
    }

    /** {@return SHA-256 of {@link #canonical()}, 64 hex digits; stable across JVMs and llmock versions} */
    public String hash() {
        return hash;
    }

    /** {@return the first {@value #SHORT_LENGTH} digits of {@link #hash()}, for messages} */
    public String shortHash() {
        return hash.substring(0, SHORT_LENGTH);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestKey key && key.hash.equals(hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    /** The hash. */
    @Override
    public String toString() {
        return hash;
    }

    private static String sha256(String text) {
        MessageDigest sha256 = SHA256.get();
        if (sha256 == null) {
            sha256 = newSha256();
            SHA256.set(sha256);
        }
        byte[] digest = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** A new SHA-256 digest. */
    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

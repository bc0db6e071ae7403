package dev.llmock.wiremock.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Replayed responses kept per request, for replay mode only: there one request always gets one response, and hashing
 * the logical request and reading the cassette is most of a replayed request's cost. Only answers that came from the
 * cassette and may be reused ({@link Answer#cacheable()}: not {@code $cache} variants, errors or simulations) are kept.
 */
final class ReplayedResponses {
    /** Bodies longer than this are not part of a key; such requests are answered as usual. */
    static final int CACHEABLE_BODY = 4096;

    private final Cache<String, ResponseDefinition> responses = Caffeine.newBuilder().maximumSize(10_000).build();

    /**
     * The key of a request: {@code steering} is everything besides the body that decides the answer (stub, method,
     * URL, headers). Null when the body is too long to be part of a key.
     */
    static String key(String steering, byte[] body) {
        if (body != null && body.length > CACHEABLE_BODY) {
            return null;
        }
        return steering + "\n" + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    /** The kept response for {@code key}, else {@code answer} turned into a response by {@code respond}. */
    ResponseDefinition get(String key, Supplier<Answer> answer,
                                  Function<Answer, ResponseDefinition> respond) {
        if (key == null) {
            return respond.apply(answer.get());
        }
        ResponseDefinition kept = responses.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        Answer fresh = answer.get();
        ResponseDefinition response = respond.apply(fresh);
        if (fresh.source() == Answer.Source.REPLAYED && fresh.cacheable()) {
            responses.put(key, response);
        }
        return response;
    }
}

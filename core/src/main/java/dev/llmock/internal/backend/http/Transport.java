package dev.llmock.internal.backend.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.BackendConfig;
import dev.llmock.internal.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One POST of JSON with OkHttp, and what came back: the JSON object of a successful answer, or a
 * {@link ProviderException} that names the status, the provider's own message (without the key) and how to fix it.
 * The key goes into a header and nowhere else.
 */
final class Transport {
    private static final System.Logger LOG = System.getLogger("dev.llmock.backend");
    private static final MediaType JSON = MediaType.get("application/json");

    private final BackendConfig config;
    private final HttpSettings settings;
    private final OkHttpClient client;
    private final Redaction redaction;
    private final Function<JsonNode, String> errorMessage;

    /** @param errorMessage reads the provider's own words from an error body */
    Transport(BackendConfig config, HttpSettings settings, Redaction redaction,
              Function<JsonNode, String> errorMessage) {
        this.config = config;
        this.settings = settings;
        this.client = settings.timedClient();
        this.redaction = redaction;
        this.errorMessage = errorMessage;
    }

    /** {@code baseUrl} (without trailing slashes) followed by {@code path}. */
    String url(String path) {
        return join(config.baseUrl(), path);
    }

    /**
     * {@code path} after the path of {@code baseUrl}, before its query: a gateway's {@code ?key=...} on the base URL
     * stays a query ({@code https://gw/v1?key=k} and {@code /chat/completions} give
     * {@code https://gw/v1/chat/completions?key=k}).
     */
    static String join(String baseUrl, String path) {
        int question = baseUrl.indexOf('?');
        String base = question < 0 ? baseUrl : baseUrl.substring(0, question);
        String query = question < 0 ? "" : baseUrl.substring(question);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + path + query;
    }

    /** Posts {@code body} to {@code url} and returns the JSON object answered. */
    JsonNode post(String url, Map<String, String> headers, byte[] body) {
        String shown = Messages.display(url);
        Request.Builder http = new Request.Builder().url(url).post(RequestBody.create(body, JSON));
        headers.forEach(http::header);
        LOG.log(Level.DEBUG, () -> "llmock: " + Messages.who(config) + ": POST " + shown + " (" + body.length
                + " bytes)");
        try (Response response = client.newCall(http.build()).execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            LOG.log(Level.DEBUG, () -> "llmock: " + Messages.who(config) + ": HTTP " + response.code() + " from "
                    + shown);
            if (!response.isSuccessful()) {
                int status = response.code();
                ProviderException.Builder failure = ProviderException.at(config, shown).status(status)
                        .outcome(Messages.httpOutcome(status)).detail(providerMessage(text))
                        .hint(Messages.hintFor(status, config, settings.source()));
                if (retryable(status)) {
                    failure.retryable(RetryAfter.parse(response.headers(), settings.clock()));
                }
                throw failure.build();
            }
            JsonNode json = parse(text);
            if (json == null || !json.isObject()) {
                throw ProviderException.at(config, shown).status(response.code())
                        .outcome(Messages.notJson(redaction.excerpt(text))).hint(Messages.ioHint(config)).build();
            }
            return json;
        } catch (InterruptedIOException e) {
            throw ProviderException.at(config, shown).outcome(Messages.timeoutOutcome(settings.timeout()))
                    .hint(Messages.timeoutHint(config)).retryable(null).cause(e).build();
        } catch (IOException e) {
            throw ProviderException.at(config, shown).outcome(Messages.ioOutcome())
                    .detail(redaction.apply("connection failed (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"))
                    .hint(Messages.ioHint(config)).retryable(null).cause(e).build();
        }
    }

    /** I/O errors, 408, 409, 429 and 5xx (Anthropic's 529 "overloaded" included) may pass; other 4xx will not. */
    static boolean retryable(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String providerMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode json = parse(body);
        String message = json != null && json.isObject() ? errorMessage.apply(json) : null;
        return message != null ? redaction.apply(message) : redaction.excerpt(body);
    }
}

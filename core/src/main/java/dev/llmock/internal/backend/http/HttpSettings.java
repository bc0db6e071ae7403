package dev.llmock.internal.backend.http;

import dev.llmock.BackendConfig;
import dev.llmock.LlmockConfig;
import dev.llmock.spi.BackendContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Everything an HTTP backend takes from the configuration, resolved once.
 *
 * @param timeout     per attempt: the backend's {@code timeoutSeconds}, else the top-level one, else 60 s
 * @param temperature the top-level {@code temperature}, else 0.7
 * @param source      where the configuration came from, for messages
 * @param client      the shared HTTP client; tests give one with their own DNS
 */
record HttpSettings(Duration timeout, LlmockConfig.Retry retry, LlmockConfig.CircuitBreaker circuitBreaker,
                           LlmockConfig.Limits limits, double temperature, Clock clock, String source,
                           OkHttpClient client) {
    static final int DEFAULT_TIMEOUT_SECONDS = 60;
    static final double DEFAULT_TEMPERATURE = 0.7;

    /** One client for the JVM, so that every backend shares its connection pool and threads. */
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            // Failsafe owns retries; OkHttp's silent retry of a POST would make attempts uncountable.
            .retryOnConnectionFailure(false)
            .build();

    public HttpSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(client, "client");
    }

    static HttpSettings of(BackendConfig backend, BackendContext context) {
        LlmockConfig config = context.config();
        int seconds = backend.timeoutSeconds() != null ? backend.timeoutSeconds()
                : config.timeoutSeconds() != null ? config.timeoutSeconds() : DEFAULT_TIMEOUT_SECONDS;
        return new HttpSettings(Duration.ofSeconds(seconds), config.retry(), config.circuitBreaker(), config.limits(),
                config.temperature() == null ? DEFAULT_TEMPERATURE : config.temperature(), context.clock(),
                config.source(), SHARED);
    }

    /** A copy with another per-attempt timeout (tests use a fraction of a second). */
    HttpSettings withTimeout(Duration value) {
        return new HttpSettings(value, retry, circuitBreaker, limits, temperature, clock, source, client);
    }

    /** A copy with another HTTP client. */
    HttpSettings withClient(OkHttpClient value) {
        return new HttpSettings(timeout, retry, circuitBreaker, limits, temperature, clock, source, value);
    }

    /** The client with this backend's timeouts, sharing the connection pool. */
    OkHttpClient timedClient() {
        Duration connect = timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
        return client.newBuilder()
                .connectTimeout(connect)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout)
                .build();
    }
}

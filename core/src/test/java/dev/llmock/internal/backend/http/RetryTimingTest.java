package dev.llmock.internal.backend.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryTimingTest {
    private final TestClock clock = new TestClock();

    @Test
    void readsRetryAfterMillisecondsFirst() {
        assertThat(RetryAfter.parse(Headers.of("retry-after-ms", "1500", "retry-after", "9"), clock))
                .isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void readsRetryAfterInSecondsOrAsAnHttpDate() {
        assertThat(RetryAfter.parse(Headers.of("retry-after", "20"), clock)).isEqualTo(Duration.ofSeconds(20));
        assertThat(RetryAfter.parse(Headers.of("retry-after", "Wed, 15 Jan 2025 10:00:42 GMT"), clock))
                .isEqualTo(Duration.ofSeconds(42));
        assertThat(RetryAfter.parse(Headers.of("retry-after", "Wed, 15 Jan 2025 09:00:00 GMT"), clock))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void ignoresMissingOrUnreadableHeaders() {
        assertThat(RetryAfter.parse(Headers.of(), clock)).isNull();
        assertThat(RetryAfter.parse(Headers.of("retry-after", "soon"), clock)).isNull();
    }

    @Test
    void backsOffExponentiallyWithJitterUpToTheCap() {
        assertThat(Resilience.backoff(100, 10_000, 1, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(Resilience.backoff(100, 10_000, 3, 0.5)).isEqualTo(Duration.ofMillis(400));
        assertThat(Resilience.backoff(100, 10_000, 3, 0.0)).isEqualTo(Duration.ofMillis(300));
        assertThat(Resilience.backoff(100, 10_000, 3, 1.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(Resilience.backoff(100, 1_000, 10, 0.5)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void retriesOnlyWhatMayPass() {
        for (int status : new int[] {408, 409, 429, 500, 502, 503, 529}) {
            assertThat(Transport.retryable(status)).as("HTTP %d", status).isTrue();
        }
        for (int status : new int[] {400, 401, 403, 404, 422}) {
            assertThat(Transport.retryable(status)).as("HTTP %d", status).isFalse();
        }
    }
}

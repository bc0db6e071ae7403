package dev.llmock.internal.backend.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/** Reads how long a provider asks to wait: {@code retry-after-ms}, else {@code retry-after} in seconds or as a date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the headers ask for, or null when they ask for none or cannot be read. */
    static Duration parse(Headers headers, Clock clock) {
        String millis = headers.get("retry-after-ms");
        if (millis != null) {
            try {
                return nonNegative(Duration.ofNanos((long) (Double.parseDouble(millis.strip()) * 1_000_000)));
            } catch (NumberFormatException e) {
                // fall through to retry-after
            }
        }
        String value = headers.get("retry-after");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return nonNegative(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return nonNegative(Duration.between(clock.instant(), at.toInstant()));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}

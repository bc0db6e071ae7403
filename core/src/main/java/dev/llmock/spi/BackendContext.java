package dev.llmock.spi;

import dev.llmock.LlmockConfig;
import java.time.Clock;

/**
 * What a backend may use from the engine: the whole configuration, the clock and the seed.
 *
 * @param config the engine's whole configuration (timeouts, retry, circuit breaker, limits)
 * @param clock the engine's clock, for back-off and time stamps
 * @param seed the engine's seed, which generated values derive from
 * @since 0.1.0
 */
public record BackendContext(LlmockConfig config, Clock clock, long seed) {
}

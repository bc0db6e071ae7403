package dev.llmock.spi;

import dev.llmock.LlmockConfig;
import java.time.Clock;

/**
 * What a backend may use from the engine: the whole configuration, the clock and the seed.
 *
 * @since 0.1.0
 */
public record BackendContext(LlmockConfig config, Clock clock, long seed) {
}

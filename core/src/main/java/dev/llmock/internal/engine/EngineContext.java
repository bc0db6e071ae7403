package dev.llmock.internal.engine;

import dev.llmock.LlmockConfig;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/**
 * What the interceptors of one engine share: the configuration, the backends, the one place calls are made and
 * counted, the worker threads, the clock and the global seed.
 */
record EngineContext(LlmockConfig config, BackendRegistry registry, BackendCalls calls, ExecutorService workers,
                     Clock clock, long seed) {
}

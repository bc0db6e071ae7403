package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.LlmockConfig;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/**
 * What the interceptors of one engine share: the configuration, the backends, the one place calls are made and
 * counted, the worker threads, the clock, the global seed, and the mapper that fixtures are mapped onto types with.
 */
record EngineContext(LlmockConfig config, BackendRegistry registry, BackendCalls calls, ExecutorService workers,
                     Clock clock, long seed, ObjectMapper mapper) {
}

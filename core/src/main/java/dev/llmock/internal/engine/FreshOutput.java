package dev.llmock.internal.engine;

import dev.llmock.spi.Backend;

/**
 * A backend of llmock's own whose every answer is a tree made for that call and held nowhere else, so the engine may
 * build on it and hand it to the fixture as it is. Any other backend's answer is copied where it enters the engine
 * ({@link BackendCalls}): a backend may return a tree it keeps (a constant, a cache) and change it later.
 */
public interface FreshOutput extends Backend {
}

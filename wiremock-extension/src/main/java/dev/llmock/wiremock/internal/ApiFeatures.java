package dev.llmock.wiremock.internal;

import dev.llmock.wiremock.internal.context.ContextStore;

/**
 * What the mock API offers beyond answering a shape: API contexts and the context of requests naming none.
 *
 * @param contexts       the server's API contexts
 * @param defaultContext the context of requests that name none, or null for none
 */
public record ApiFeatures(ContextStore contexts, String defaultContext) {
}

package dev.llmock.wiremock.internal;

import dev.llmock.wiremock.internal.context.ContextStore;
import dev.llmock.wiremock.internal.graphql.GraphQlSchema;

/**
 * What the mock API offers beyond answering a shape: API contexts, the context of requests naming none, and the
 * schema of its GraphQL endpoint.
 *
 * @param contexts       the server's API contexts
 * @param defaultContext the context of requests that name none, or null for none
 * @param graphQlSchema  the schema typing GraphQL answers, or null to guess types from field names
 */
public record ApiFeatures(ContextStore contexts, String defaultContext, GraphQlSchema graphQlSchema) {
}

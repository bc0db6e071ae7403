/**
 * LLM-made response bodies for WireMock 3 stubs, and an LLMockApi-compatible mock API, replayed from cassettes.
 *
 * <p>{@link dev.llmock.wiremock.LlmockWireMockExtension} is WireMock's JUnit extension with llmock in it and one
 * cassette per test class; {@link dev.llmock.wiremock.LlmockWireMock} puts llmock into a server built by hand.
 * Stubs name the {@link dev.llmock.wiremock.LlmockResponseTransformer} (its parameters give the shape, the backend and
 * the request parts left out of the cassette key); {@link dev.llmock.wiremock.LlmockMockApi} answers any request under
 * {@code /api/mock} (entities shared through {@link dev.llmock.wiremock.ApiContext API contexts}) and GraphQL
 * queries at {@code /graphql}; OpenAPI descriptions given to the builders are served operation by operation.
 * {@link dev.llmock.wiremock.LlmockCassettePerClass} gives a cassette per test class to servers that
 * WireMock or wiremock-spring-boot build from the extensions' class names.
 *
 * <pre>{@code
 * @RegisterExtension
 * static LlmockWireMockExtension api = LlmockWireMockExtension.newInstance().build();
 *
 * @Test
 * void showsTheUser() {
 *     api.stubFor(get(urlPathTemplate("/users/{id}")).willReturn(aResponse().withTransformers("llmock")
 *             .withTransformerParameter("shape", "{\"id\":0,\"name\":\"string\"}")));
 *     ...
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
package dev.llmock.wiremock;

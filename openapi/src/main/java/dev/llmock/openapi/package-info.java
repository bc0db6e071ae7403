/**
 * OpenAPI descriptions (3.0 and 3.1, YAML or JSON) read into operations with complete JSON Schemas, for mocks and
 * contract tests.
 *
 * <p>{@link dev.llmock.openapi.OpenApiSpec#load(String)} reads a description, external references folded in; each
 * {@link dev.llmock.openapi.OpenApiOperation} gives its parameters, its {@link dev.llmock.openapi.OpenApiRequestBody
 * request body} and its {@link dev.llmock.openapi.OpenApiResponse responses}, whose
 * {@link dev.llmock.openapi.OpenApiContent content} turns into a {@code Shape} to generate and validate with. The
 * WireMock extension serves these operations ({@code LlmockWireMock.Builder.openApi(...)}) and the JUnit extension
 * generates request bodies from them ({@code @GeneratedSource(openApi = ...)}) when this module is on the class path.
 *
 * <pre>{@code
 * OpenApiSpec petstore = OpenApiSpec.load("petstore.yaml");
 * Shape pet = petstore.operation("showPetById").success().preferred().orElseThrow().shape();
 * }</pre>
 *
 * @since 0.2.0
 */
package dev.llmock.openapi;

/**
 * The engine: LLM-made test data for a shape, valid against it, through named backends.
 *
 * <p>Entry points: {@link dev.llmock.Llmock} (the engine, built by {@link dev.llmock.Llmock#newBuilder()} or
 * {@link dev.llmock.Llmock#fromDefaultConfig()}), {@link dev.llmock.FixtureRequest} (what to generate: a
 * {@link dev.llmock.Shape}, a count, backends, stages, parts, rules) and {@link dev.llmock.Fixture} (the data, mapped
 * onto any type Jackson can build, with its {@link dev.llmock.Provenance}). {@link dev.llmock.LlmockConfig} is
 * {@code llmock.json}, or the same configuration in code; {@link dev.llmock.Setting} and
 * {@link dev.llmock.SettingResolver} read every llmock setting in one order of precedence. Every error is an
 * {@link dev.llmock.LlmockException} whose message says what, where and how to fix it.
 *
 * <pre>{@code
 * try (Llmock llmock = Llmock.fromDefaultConfig()) {
 *     List<User> users = llmock.generate(FixtureRequest.newBuilder().shapeOf(User.class).count(10).build())
 *             .as(new TypeReference<List<User>>() {});
 * }
 * }</pre>
 *
 * <p>Cassettes ({@code dev.llmock.cassette}), the JUnit extension ({@code dev.llmock.junit}) and the WireMock
 * extension ({@code dev.llmock.wiremock}) are built on this package; backends of other providers plug in through
 * {@link dev.llmock.spi}. Packages named {@code internal} are not API.
 *
 * @since 0.1.0
 */
package dev.llmock;

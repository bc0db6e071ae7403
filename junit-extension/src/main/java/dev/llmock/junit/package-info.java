/**
 * LLM-made test data in JUnit 5 (5.10 on) and JUnit 6 tests, replayed from a cassette per test class.
 *
 * <p>{@link dev.llmock.junit.Generated @Generated} on a parameter or field injects a fixture (it registers
 * {@link dev.llmock.junit.LlmockExtension} by itself); {@link dev.llmock.junit.GeneratedSource @GeneratedSource}
 * feeds a {@code @ParameterizedTest} with valid, edge or invalid cases;
 * {@link dev.llmock.junit.LlmockSettings @LlmockSettings} sets a class's configuration, mode and cassette, and
 * {@link dev.llmock.junit.LlmockExtension#newBuilder()} does the same in code for {@code @RegisterExtension}.
 * {@link dev.llmock.junit.LlmockAssertions} checks JSON against a shape with AssertJ.
 *
 * <pre>{@code
 * @Test
 * void signsUp(@Generated User user, @Generated(count = 3) List<Product> basket) {
 *     ...
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
package dev.llmock.junit;

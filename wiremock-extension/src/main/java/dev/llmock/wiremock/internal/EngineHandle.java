package dev.llmock.wiremock.internal;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.LlmockConfig;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the WireMock extensions need of the llmock engine and cassette behind them.
 *
 * @param generate     generates or replays a request (the engine with its cassette)
 * @param replaying    whether the cassette in use only replays now ({@code replay}, or {@code once} on an existing
 *                     file)
 * @param labelFor     the test label for a request, given its {@code X-Llmock-Test} header (null when absent)
 * @param maxBodyBytes request bodies longer than this are answered with 413
 * @param config       the configuration, to check backend names
 */
public record EngineHandle(Function<FixtureRequest, Fixture> generate, BooleanSupplier replaying,
                           UnaryOperator<String> labelFor, long maxBodyBytes, LlmockConfig config) {
}

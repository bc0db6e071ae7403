package dev.llmock.wiremock;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One cassette per test class for the {@link LlmockResponseTransformer} and {@link LlmockMockApi} that WireMock builds
 * from their class names, as wiremock-spring-boot's {@code @ConfigureWireMock(extensions = ...)} and WireMock's
 * extension scanning do. Those share one instance per JVM, which would otherwise record every class into
 * {@value LlmockWireMock#DEFAULT_CASSETTE}; with this extension each class gets {@code <test class>.json} and each
 * entry names its test, as with {@link LlmockWireMockExtension}.
 *
 * <pre>{@code
 * @SpringBootTest
 * @EnableWireMock(@ConfigureWireMock(name = "catalog", baseUrlProperties = "catalog.base-url",
 *         extensions = LlmockResponseTransformer.class))
 * @ExtendWith(LlmockCassettePerClass.class)
 * class CatalogTest { ... }
 * }</pre>
 *
 * The directory and the mode come from the configuration parameters, the environment, {@code llmock.json} and the
 * defaults, as {@code CassetteSettings} lists them. The instance is shared, so classes using it must not run
 * concurrently; {@link LlmockWireMockExtension} has no such limit.
 *
 * @since 0.2.0
 */
public final class LlmockCassettePerClass implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final ClassCassettes cassettes = new ClassCassettes(LlmockWireMock.shared(), null, null, null);

    /** The extension, as {@code @ExtendWith} creates it, on the instance WireMock's extension loading shares. */
    public LlmockCassettePerClass() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cassettes.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        cassettes.beforeEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        cassettes.afterAll();
    }
}

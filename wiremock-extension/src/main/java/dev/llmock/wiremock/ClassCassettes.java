package dev.llmock.wiremock;

import dev.llmock.SettingResolver;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.CassetteSettings;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import dev.llmock.wiremock.internal.RunningTests;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points an {@link LlmockWireMock} at one cassette per test class and attributes each test's requests to it: the JUnit
 * side of {@link LlmockWireMockExtension} (its own server) and of {@link LlmockCassettePerClass} (servers that WireMock
 * or wiremock-spring-boot built from the class name). State lives in JUnit's stores.
 *
 * @param llmock    the engine and cassette behind the server
 * @param directory the builder's cassette directory, or null for {@link CassetteSettings#DIRECTORY}'s sources
 * @param mode      the builder's mode, or null for {@link CassetteSettings#MODE}'s sources
 * @param name      one cassette name for every class, or null for each test class's name
 */
record ClassCassettes(LlmockWireMock llmock, Path directory, RecordMode mode, String name) {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            LlmockWireMockExtension.class);

    void beforeAll(ExtensionContext context) {
        useCassetteOf(context);
    }

    void beforeEach(ExtensionContext context) {
        Cassette current = llmock.cassette();
        if (current == null || !current.name().equals(nameFor(context))) {
            useCassetteOf(context);
        }
        // closed by JUnit after the test, which is when its recordings are settled and saved
        context.getStore(NAMESPACE).put(TestScope.class,
                new TestScope(context, llmock, llmock.tests().start(label(context))));
    }

    /** Saves the class's cassette, then fails when it recorded while {@code failOnRecord} is on. */
    void afterAll() {
        llmock.save();
        Cassette cassette = llmock.cassette();
        if (cassette != null) {
            cassette.checkFailOnRecord(); // after the save, so what was recorded is kept
        }
    }

    private void useCassetteOf(ExtensionContext context) {
        SettingResolver sources = SettingResolver.of(key -> context.getConfigurationParameter(key).orElse(null),
                System::getenv).withConfig(llmock.config());
        RecordMode resolvedMode = sources.get(CassetteSettings.MODE, mode);
        Path resolvedDirectory = sources.get(CassetteSettings.DIRECTORY, directory);
        boolean failOnRecord = sources.get(CassetteSettings.FAIL_ON_RECORD);
        Cassettes cassettes = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                "cassettes:" + resolvedDirectory.toAbsolutePath() + ":" + resolvedMode.id() + ":" + failOnRecord,
                key -> Cassettes.newBuilder().settings(sources).config(llmock.config()).mode(resolvedMode)
                        .directory(resolvedDirectory).build(),
                Cassettes.class);
        llmock.useCassette(cassettes, nameFor(context));
    }

    private String nameFor(ExtensionContext context) {
        if (name != null) {
            return name;
        }
        Class<?> testClass = context.getRequiredTestClass();
        while (testClass.getEnclosingClass() != null && !Modifier.isStatic(testClass.getModifiers())) {
            testClass = testClass.getEnclosingClass(); // @Nested tests share their outer class's cassette
        }
        return testClass.getName();
    }

    private static String label(ExtensionContext context) {
        return context.getTestMethod()
                .map(method -> context.getRequiredTestClass().getSimpleName() + "." + method.getName() + "()")
                .orElse(context.getDisplayName());
    }

    /**
     * One test against the server, kept in the test's store: when JUnit closes it, the test stops being attributed
     * requests, a failed test's recordings go to {@link Cassette#testFailed} (undone in {@code rerecord}, kept in
     * {@code record}; decided then from {@link ExtensionContext#getExecutionException()}), and the cassette is saved.
     * {@code CloseableResource} for JUnit 5.10 to 5.12, {@code AutoCloseable} for 5.13 on and 6, which warn about the
     * former alone.
     */
    private static final class TestScope implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final ExtensionContext context;
        private final LlmockWireMock llmock;
        private final RunningTests.RunningTest test;

        TestScope(ExtensionContext context, LlmockWireMock llmock, RunningTests.RunningTest test) {
            this.context = context;
            this.llmock = llmock;
            this.test = test;
        }

        @Override
        public void close() {
            llmock.tests().finish(test);
            Cassette cassette = llmock.cassette();
            if (cassette != null && context.getExecutionException().isPresent()) {
                cassette.testFailed(test.recorded());
            }
            llmock.save();
        }
    }
}

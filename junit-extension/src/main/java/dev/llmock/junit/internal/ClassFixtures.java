package dev.llmock.junit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.CassetteReport;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The state of one top-level test class: its cassette, loaded once and written once when JUnit closes the class's
 * store, and an engine whose first interceptor is that cassette. Both {@code CloseableResource} (JUnit 5.10 to 5.12
 * close only those) and {@code AutoCloseable} (JUnit 5.13 on and 6 warn about a {@code CloseableResource} that is not).
 */
final class ClassFixtures implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final Settings settings;
    private final Cassette cassette;
    private final Llmock engine;

    private ClassFixtures(Settings settings, Cassette cassette, Llmock engine) {
        this.settings = settings;
        this.cassette = cassette;
        this.engine = engine;
    }

    static ClassFixtures of(ExtensionContext context) {
        ExtensionContext classContext = LlmockStore.topLevelClass(context);
        return classContext.getStore(LlmockStore.NAMESPACE)
                .getOrComputeIfAbsent(ClassFixtures.class, key -> create(classContext), ClassFixtures.class);
    }

    private static ClassFixtures create(ExtensionContext classContext) {
        Settings settings = Settings.resolve(classContext, System::getenv, Registration.of(classContext));
        // keyed by the configuration itself, so classes configured in code share Cassettes only when configured alike
        Cassettes cassettes = classContext.getRoot().getStore(LlmockStore.NAMESPACE).getOrComputeIfAbsent(
                new CassettesKey(settings.cassettesDirectory().toAbsolutePath(), settings.mode(), settings.maxAge(),
                        settings.config(), settings.failOnRecord()),
                key -> cassettes(settings), Cassettes.class);
        Cassette cassette = cassettes.open(settings.cassetteName());
        Llmock.Builder builder = Llmock.newBuilder().config(settings.config());
        if (settings.objectMapper() != null) {
            builder.objectMapper(settings.objectMapper());
        }
        if (settings.mode() != RecordMode.LIVE) {
            builder.interceptor(cassette.interceptor());
        }
        return new ClassFixtures(settings, cassette, builder.build());
    }

    private static Cassettes cassettes(Settings settings) {
        Cassettes.Builder builder = Cassettes.newBuilder().settings(settings.sources())
                .directory(settings.cassettesDirectory()).mode(settings.mode()).config(settings.config());
        if (settings.maxAge() != null) {
            builder.maxAge(settings.maxAge());
        }
        return builder.build();
    }

    Fixture generate(FixtureRequest request) {
        Fixture fixture = engine.generate(request);
        RunSummary.INSTANCE.fixture(fixture.provenance(), settings.mode());
        return fixture;
    }

    /** A test that asked for these keys failed; the cassette decides by its mode what becomes of its recordings. */
    void testFailed(Collection<String> keys) {
        if (settings.mode() != RecordMode.LIVE) {
            cassette.testFailed(keys);
        }
    }

    /** The user's mapper for fixtures, or null for llmock's default. */
    ObjectMapper objectMapper() {
        return settings.objectMapper();
    }

    Path cassettePath() {
        return cassette.path();
    }

    RecordMode mode() {
        return settings.mode();
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            boolean written = settings.mode() != RecordMode.LIVE && cassette.save();
            CassetteReport report = cassette.report();
            RunSummary.INSTANCE.cassette(report, written, engine.stats());
            // after the save: what was recorded is kept, and the class fails saying so
            cassette.checkFailOnRecord();
        }
    }

    /** What makes two classes' {@code Cassettes} the same, in the root store. */
    private record CassettesKey(Path directory, RecordMode mode, Duration maxAge, LlmockConfig config,
                                boolean failOnRecord) {
    }
}

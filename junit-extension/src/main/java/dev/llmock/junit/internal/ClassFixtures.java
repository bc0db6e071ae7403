package dev.llmock.junit.internal;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.CassetteReport;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The state of one top-level test class: its cassette, loaded once and written once when JUnit closes the class's
 * store, and an engine whose first interceptor is that cassette.
 */
final class ClassFixtures implements ExtensionContext.Store.CloseableResource {
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
        Settings settings = Settings.resolve(classContext, System::getenv);
        Cassettes cassettes = classContext.getRoot().getStore(LlmockStore.NAMESPACE).getOrComputeIfAbsent(
                "cassettes:" + settings.cassettesDirectory().toAbsolutePath() + ":" + settings.mode() + ":"
                        + settings.maxAge() + ":" + settings.config().source(),
                key -> cassettes(settings), Cassettes.class);
        Cassette cassette = cassettes.open(settings.cassetteName());
        Llmock.Builder builder = Llmock.newBuilder().config(settings.config());
        if (settings.mode() != RecordMode.LIVE) {
            builder.interceptor(cassette.interceptor());
        }
        return new ClassFixtures(settings, cassette, builder.build());
    }

    private static Cassettes cassettes(Settings settings) {
        Cassettes.Builder builder = Cassettes.newBuilder().directory(settings.cassettesDirectory())
                .mode(settings.mode()).config(settings.config());
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
        }
    }
}

package dev.llmock.llamacpp;

import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.Stage;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendContext;
import dev.llmock.spi.BackendFactory;
import dev.llmock.spi.BackendRequest;
import java.time.Clock;
import java.util.List;
import java.util.ServiceLoader;

/** Creates {@code llamacpp} backends the way the engine does: from {@code llmock.json} text, through the service loader. */
final class LocalBackend {
    private LocalBackend() {
    }

    /**
     * A backend named "local" on the tiny model, with {@code extra} keys added to its entry. Strings are kept short
     * so that a record takes a few dozen tokens.
     */
    static Backend tiny(String extra) {
        return create("{\"limits\":{\"maxStringLength\":24},\"backends\":[{\"name\":\"local\","
                + "\"provider\":\"llamacpp\",\"model\":" + TinyModel.json() + ",\"contextSize\":2048,\"threads\":2"
                + extra + "}]}", "llmock.json");
    }

    static Backend create(String json, String source) {
        LlmockConfig config = LlmockConfig.parse(json, source);
        BackendFactory factory = ServiceLoader.load(BackendFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(each -> LlamaCpp.PROVIDER.equals(each.provider())).findFirst().orElseThrow();
        return factory.create(config.backends().get(0), new BackendContext(config, Clock.systemUTC(), 0));
    }

    /** An engine whose only backend is {@link #tiny(String)}, with no cache, so every request reaches the model. */
    static Llmock engine(String extra) {
        return Llmock.newBuilder().backend(tiny(extra)).cache(false).build();
    }

    /** {@code count} records of {@code shape} from the backend "local". */
    static FixtureRequest fixtureRequest(String shape, int count) {
        return FixtureRequest.newBuilder().shape(shape).count(count).backend("local").build();
    }

    static BackendRequest request(String shape, int count, long seed) {
        return new BackendRequest(Stage.Role.GENERATE, Shape.parse(shape), count, 0, null, List.of(), null,
                List.of(), null, seed, null);
    }
}

package dev.llmock.wiremock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.wiremock.internal.context.ContextStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockApiHandlerTest {
    private final Llmock engine = Llmock.newBuilder().config(LlmockConfig.none()).build();

    @AfterEach
    void close() {
        engine.close();
    }

    private MockApiHandler handler(int rememberedPaths) {
        ContextBinding contexts = new ContextBinding(new ContextStore(ContextStore.DEFAULT_MAX_CONTEXTS,
                ContextStore.DEFAULT_MAX_ENTITIES, Clock.systemUTC()), null);
        return new MockApiHandler("/api/mock", 1024, engine::generate, LlmockConfig.none(), contexts, rememberedPaths);
    }

    /** A path segment of letters only, so that no two of them normalize to one path. */
    private static String word(int number) {
        StringBuilder word = new StringBuilder("p");
        for (int rest = number; rest > 0; rest /= 26) {
            word.append((char) ('a' + rest % 26));
        }
        return word.toString();
    }

    private static Answer get(MockApiHandler handler, String path) {
        return handler.handle("GET", "/api/mock" + path, name -> null, null, null, null);
    }

    @Test
    void clientsCallingEverNewPathsLeaveAtMostTheBoundOfRememberedShapes() {
        MockApiHandler handler = handler(50);

        for (int i = 0; i < 2_000; i++) {
            assertThat(get(handler, "/" + word(i)).status()).isEqualTo(200);
        }

        assertThat(handler.rememberedPaths()).isLessThanOrEqualTo(50);
    }

    @Test
    void aPathStillRemembersTheShapeFirstAnsweredForIt() {
        MockApiHandler handler = handler(50);
        byte[] body = "{\"shape\":{\"sku\":\"string\",\"price\":0.0}}".getBytes(StandardCharsets.UTF_8);

        handler.handle("POST", "/api/mock/products/1", name -> null, body, "application/json", null);
        Answer later = get(handler, "/products/2");

        assertThat(later.body().has("sku")).isTrue();
        assertThat(later.body().has("price")).isTrue();
    }
}

package dev.llmock.internal.backend.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransportTest {

    @Test
    void theProviderPathGoesAfterTheBasePathAndBeforeAQueryOnTheBaseUrl() {
        assertThat(Transport.join("https://gateway.example/v1?key=k&region=eu", "/chat/completions"))
                .isEqualTo("https://gateway.example/v1/chat/completions?key=k&region=eu");
        assertThat(Transport.join("http://localhost:11434/", "/api/chat")).isEqualTo("http://localhost:11434/api/chat");
        assertThat(Transport.join("http://127.0.0.1:1234/v1//", "/chat/completions"))
                .isEqualTo("http://127.0.0.1:1234/v1/chat/completions");
    }
}

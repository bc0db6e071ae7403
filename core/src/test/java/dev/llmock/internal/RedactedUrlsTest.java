package dev.llmock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactedUrlsTest {
    @Test
    void userInfoAndCredentialLikeQueryParametersAreRedacted() {
        assertThat(RedactedUrls.of("https://ada:s3cret@llm.example.com/v1?key=AIza123&model=x&access_token=t0k"
                + "&X-Amz-Signature=abc&page=2"))
                .isEqualTo("https://<redacted>@llm.example.com/v1?key=<redacted>&model=x&access_token=<redacted>"
                        + "&X-Amz-Signature=<redacted>&page=2");
    }

    @Test
    void namesAreMatchedWhateverTheirCaseSeparatorOrEncoding() {
        assertThat(RedactedUrls.ofTarget("/api/mock/users?API_KEY=1&api-key=2&apiKey=3&sig=4&Password=5"
                + "&refresh_token=6&client_secret=7&api%5Fkey=8&monkey=9&tokens=10"))
                .isEqualTo("/api/mock/users?API_KEY=<redacted>&api-key=<redacted>&apiKey=<redacted>&sig=<redacted>"
                        + "&Password=<redacted>&refresh_token=<redacted>&client_secret=<redacted>"
                        + "&api%5Fkey=<redacted>&monkey=9&tokens=10");
    }

    @Test
    void urlsInsideFreeTextAreRedactedAndTheRestIsLeftAlone() {
        assertThat(RedactedUrls.within("POST http://u:p@127.0.0.1:1/v1/chat?token=abc failed (connection refused)"))
                .isEqualTo("POST http://<redacted>@127.0.0.1:1/v1/chat?token=<redacted> failed (connection refused)");
        assertThat(RedactedUrls.within("no URL here, key=value")).isEqualTo("no URL here, key=value");
    }
}

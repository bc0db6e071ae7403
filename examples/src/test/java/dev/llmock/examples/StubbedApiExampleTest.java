package dev.llmock.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.wiremock.LlmockWireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A third-party API stubbed with WireMock, its bodies generated from shapes; the client under test is a real HTTP
 * client. The answers replay from this class's cassette.
 */
class StubbedApiExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static LlmockWireMockExtension api = LlmockWireMockExtension.newInstance().build();

    /** The code under test: a client of the users API. */
    record UserClient(String baseUrl, HttpClient http) {
        String displayName(int id) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/users/" + id))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("users API answered " + response.statusCode());
            }
            JsonNode user = JSON.readTree(response.body());
            return user.get("name").asText() + " <" + user.get("email").asText() + "> #" + user.get("id").asInt();
        }
    }

    @Test
    void theClientShowsTheUserTheApiReturns() throws Exception {
        api.stubFor(get(urlPathTemplate("/users/{id}")).willReturn(aResponse()
                .withTransformers("llmock")
                .withTransformerParameter("shape", "{\"id\":0,\"name\":\"string\",\"email\":\"email\"}")));

        String shown = new UserClient(api.baseUrl(), HttpClient.newHttpClient()).displayName(42);

        assertThat(shown).matches(".+ <.+@.+> #42");
    }
}

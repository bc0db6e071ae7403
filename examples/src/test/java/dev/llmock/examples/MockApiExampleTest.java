package dev.llmock.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.wiremock.LlmockWireMockExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The LLMockApi-compatible catch-all, used the way {@code curl} would use {@code llmock serve}: the shape travels
 * with the request, in the query, a header or the body.
 */
class MockApiExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static LlmockWireMockExtension server = LlmockWireMockExtension.newInstance().build();

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shapeInTheQuery() throws Exception {
        // curl 'http://127.0.0.1:5116/api/mock/products?shape={"sku":"string","price":0.0}'
        String shape = URLEncoder.encode("{\"sku\":\"string\",\"price\":0.0}", StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.url("/api/mock/products?shape="
                + shape))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("sku").asText()).isNotBlank();
    }

    @Test
    void shapeInAHeaderAndABodyEchoedBack() throws Exception {
        // curl -X POST -H 'X-Response-Shape: {"id":0,"customer":"string","total":0.0}' -d '{"customer":"Ada"}' ...
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.url("/api/mock/orders")))
                .header("X-Response-Shape", "{\"id\":0,\"customer\":\"string\",\"total\":0.0}")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customer\":\"Ada\"}")));

        JsonNode order = JSON.readTree(response.body());
        assertThat(order.get("customer").asText()).isEqualTo("Ada");
        assertThat(order.get("total").isNumber()).isTrue();
    }

    @Test
    void simulatedErrors() throws Exception {
        // curl 'http://127.0.0.1:5116/api/mock/users?error=503&errorMessage=maintenance'
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.url(
                "/api/mock/users?error=503&errorMessage=maintenance"))));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("maintenance");
    }
}

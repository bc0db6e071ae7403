package dev.llmock.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonSchema;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.cassette.RecordMode;
import dev.llmock.internal.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WireMock 3 brings networknt's json-schema-validator 1.x; llmock validates JSON Schema shapes with 2.x, relocated
 * inside llmock-core. Both work in one JVM: WireMock matches requests by JSON Schema while llmock generates and checks
 * a JSON Schema response.
 */
class JsonSchemaBesideWireMockTest {
    private static final String ORDER = "{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\"},"
            + "\"quantity\":{\"type\":\"integer\",\"minimum\":1}},\"required\":[\"sku\",\"quantity\"]}";
    private static final String RECEIPT = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
            + "\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\",\"enum\":[100,200,300]},"
            + "\"currency\":{\"const\":\"EUR\"},\"total\":{\"type\":\"number\",\"exclusiveMinimum\":0,\"multipleOf\":0.01},"
            + "\"status\":{\"oneOf\":[{\"const\":\"paid\"},{\"const\":\"pending\"}]}},"
            + "\"required\":[\"id\",\"currency\",\"total\",\"status\"]}";

    @TempDir
    Path dir;

    private WireMockServer server;
    private LlmockWireMock llmock;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        if (llmock != null) {
            llmock.close();
        }
    }

    @Test
    void wireMockMatchesRequestsByJsonSchemaWhileLlmockGeneratesAndValidatesAJsonSchemaResponse() throws Exception {
        // Both validators are on this classpath: WireMock's under its own name, llmock's relocated.
        assertThat(Class.forName("com.networknt.schema.JsonSchemaFactory")).isNotNull();
        assertThat(Class.forName("dev.llmock.internal.shaded.networknt.schema.SchemaRegistry")).isNotNull();
        assertThatThrownBy(() -> Class.forName("com.networknt.schema.SchemaRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
        llmock = LlmockWireMock.newBuilder().config(LlmockConfig.none()).cassettes(dir).mode(RecordMode.RECORD)
                .cassette("Orders").build();
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(llmock.extensions()));
        server.start();
        server.stubFor(post(urlPathEqualTo("/orders")).withRequestBody(matchingJsonSchema(ORDER))
                .willReturn(aResponse().withStatus(201).withTransformers(LlmockResponseTransformer.NAME)
                        .withTransformerParameter("shape", RECEIPT)));
        String url = "http://127.0.0.1:" + server.port() + "/orders";

        Http.Reply accepted = Http.send("POST", url, "{\"sku\":\"A-1\",\"quantity\":2}", "Content-Type",
                "application/json");
        Http.Reply unmatched = Http.send("POST", url, "{\"sku\":\"A-1\",\"quantity\":0}", "Content-Type",
                "application/json");

        assertThat(accepted.status()).isEqualTo(201);
        JsonNode receipt = accepted.json();
        assertThat(Shape.fromJsonSchema(Json.MAPPER.readTree(RECEIPT)).validate(receipt)).isEmpty();
        assertThat(receipt.get("id").asInt()).isIn(100, 200, 300);
        assertThat(receipt.get("currency").asText()).isEqualTo("EUR");
        assertThat(unmatched.status()).isEqualTo(404);
    }
}

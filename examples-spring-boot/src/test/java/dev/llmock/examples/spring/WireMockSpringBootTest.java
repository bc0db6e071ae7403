package dev.llmock.examples.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.llmock.wiremock.LlmockCassettePerClass;
import dev.llmock.wiremock.LlmockResponseTransformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

/**
 * The same API mocked through wiremock-spring-boot: it builds the server and the transformer (by class name), and
 * {@link LlmockCassettePerClass} gives this class its own cassette.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EnableWireMock(@ConfigureWireMock(name = "catalog", baseUrlProperties = "catalog.base-url",
        extensions = LlmockResponseTransformer.class))
@ExtendWith(LlmockCassettePerClass.class)
class WireMockSpringBootTest {
    @InjectWireMock("catalog")
    WireMockServer catalog;

    @Autowired
    CatalogClient client;

    @Test
    void findsAProductById() {
        catalog.stubFor(get(urlPathTemplate("/products/{id}")).willReturn(aResponse()
                .withTransformers("llmock").withTransformerParameter("shape", CatalogClientTest.PRODUCT)));

        Product product = client.product(9);

        assertThat(product.id()).isEqualTo(9);
        assertThat(product.currency()).isIn("EUR", "USD");
    }
}

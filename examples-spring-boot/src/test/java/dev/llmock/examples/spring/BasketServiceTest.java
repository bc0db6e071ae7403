package dev.llmock.examples.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.wiremock.LlmockWireMockExtension;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A second test class against the catalog: its own server and its own cassette. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BasketServiceTest {
    @RegisterExtension
    static LlmockWireMockExtension catalog = LlmockWireMockExtension.newInstance().build();

    @DynamicPropertySource
    static void catalogUrl(DynamicPropertyRegistry registry) {
        registry.add("catalog.base-url", catalog::baseUrl);
    }

    @Autowired
    BasketService basket;

    @Autowired
    CatalogClient client;

    @Test
    void aBasketCostsTheSumOfItsLines() {
        catalog.stubFor(get(urlPathTemplate("/products/{id}")).willReturn(aResponse()
                .withTransformers("llmock").withTransformerParameter("shape", CatalogClientTest.PRODUCT)));

        BigDecimal total = basket.total(Map.of(1L, 2, 7L, 1));

        BigDecimal expected = client.product(1).price().multiply(BigDecimal.valueOf(2)).add(client.product(7).price());
        assertThat(total).isPositive().isEqualByComparingTo(expected);
    }
}

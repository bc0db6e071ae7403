package dev.llmock.examples.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.junit.Generated;
import dev.llmock.wiremock.LlmockWireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app's catalog client against the catalog API mocked by llmock's WireMock: the server is this class's, its base
 * URL goes into the Spring property {@code catalog.base-url}, its answers come from shapes and replay from this class's
 * cassette, and the body the app posts comes from {@code @Generated}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CatalogClientTest {
    static final String PRODUCT = "{\"id\":0,\"name\":\"string\",\"price\":0.0,\"currency\":\"EUR|USD\"}";

    @RegisterExtension
    static LlmockWireMockExtension catalog = LlmockWireMockExtension.newInstance().build();

    @DynamicPropertySource
    static void catalogUrl(DynamicPropertyRegistry registry) {
        registry.add("catalog.base-url", catalog::baseUrl);
    }

    @Autowired
    CatalogClient client;

    @Test
    void findsAProductById() {
        catalog.stubFor(get(urlPathTemplate("/products/{id}")).willReturn(aResponse()
                .withTransformers("llmock").withTransformerParameter("shape", PRODUCT)));

        Product product = client.product(42);

        assertThat(product.id()).isEqualTo(42);
        assertThat(product.name()).isNotBlank();
        assertThat(product.price()).isPositive();
        assertThat(product.currency()).isIn("EUR", "USD");
    }

    @Test
    void listsANewProduct(@Generated NewProduct listed) {
        catalog.stubFor(post(urlPathEqualTo("/products")).willReturn(aResponse().withStatus(201)
                .withTransformers("llmock").withTransformerParameter("shape", PRODUCT)));

        Product created = client.create(listed);

        // the catalog echoes what it was sent, as the real one does, and adds the id
        assertThat(created.name()).isEqualTo(listed.name());
        assertThat(created.price()).isEqualByComparingTo(listed.price());
        assertThat(created.id()).isPositive();
    }
}

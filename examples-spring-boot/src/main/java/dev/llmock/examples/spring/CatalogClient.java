package dev.llmock.examples.spring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The catalog service's HTTP API, at {@code catalog.base-url}. */
@Component
public class CatalogClient {
    private final RestClient http;

    public CatalogClient(RestClient.Builder builder, @Value("${catalog.base-url}") String baseUrl) {
        this.http = builder.baseUrl(baseUrl).build();
    }

    public Product product(long id) {
        return http.get().uri("/products/{id}", id).retrieve().body(Product.class);
    }

    public Product create(NewProduct product) {
        return http.post().uri("/products").contentType(MediaType.APPLICATION_JSON).body(product).retrieve()
                .body(Product.class);
    }
}

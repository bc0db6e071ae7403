package dev.llmock.examples.spring;

import java.math.BigDecimal;

/** What the shop sends the catalog service to list a new product. */
public record NewProduct(String name, BigDecimal price, String currency) {
}

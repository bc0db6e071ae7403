package dev.llmock.examples.spring;

import java.math.BigDecimal;

/** A product as the catalog service returns it. */
public record Product(long id, String name, BigDecimal price, String currency) {
}

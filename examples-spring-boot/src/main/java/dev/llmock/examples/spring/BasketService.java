package dev.llmock.examples.spring;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Prices a basket from the catalog's current prices. */
@Service
public class BasketService {
    private final CatalogClient catalog;

    public BasketService(CatalogClient catalog) {
        this.catalog = catalog;
    }

    /** The total of {@code quantities} (product id to quantity). */
    public BigDecimal total(Map<Long, Integer> quantities) {
        return quantities.entrySet().stream()
                .map(line -> catalog.product(line.getKey()).price().multiply(BigDecimal.valueOf(line.getValue())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

package dev.llmock.bench;

import java.util.Objects;

/** Where a start-up test case notes when its first injected fixture arrived (one JVM runs one case). */
final class FirstFixture {
    private static volatile long arrivedAt;

    private FirstFixture() {
    }

    static void arrived(Customer customer) {
        Objects.requireNonNull(customer.firstName(), "the injected Customer has no firstName");
        if (arrivedAt == 0) {
            arrivedAt = System.nanoTime();
        }
    }

    static long arrivedAt() {
        return arrivedAt;
    }
}

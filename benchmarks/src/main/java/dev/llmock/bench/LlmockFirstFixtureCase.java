package dev.llmock.bench;

import dev.llmock.junit.Generated;
import org.junit.jupiter.api.Test;

/** A test class as a user writes it: one {@link Customer} injected by llmock, replayed from its cassette. */
class LlmockFirstFixtureCase {
    @Test
    void getsACustomer(@Generated Customer customer) {
        FirstFixture.arrived(customer);
    }
}

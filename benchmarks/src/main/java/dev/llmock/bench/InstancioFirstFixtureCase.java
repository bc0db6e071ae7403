package dev.llmock.bench;

import org.instancio.junit.Given;
import org.instancio.junit.InstancioExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The baseline of {@link LlmockFirstFixtureCase}: the same {@link Customer} injected by Instancio's extension. */
@ExtendWith(InstancioExtension.class)
class InstancioFirstFixtureCase {
    @Test
    void getsACustomer(@Given Customer customer) {
        FirstFixture.arrived(customer);
    }
}

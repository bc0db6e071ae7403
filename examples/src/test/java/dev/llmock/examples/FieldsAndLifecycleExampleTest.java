package dev.llmock.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.junit.Generated;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fixtures in fields, in the constructor and in lifecycle methods, for a small in-memory repository. */
class FieldsAndLifecycleExampleTest {
    record Customer(String name, String email, String city) {
    }

    /** Shared by every test of the class: filled once, before all tests. */
    @Generated(count = 5)
    static List<Customer> seedCustomers;

    /** Filled before each test. */
    @Generated(shape = "{\"code\":\"string\",\"discount\":0}")
    JsonNode coupon;

    private final Customer owner;
    private final List<Customer> repository = new ArrayList<>();

    FieldsAndLifecycleExampleTest(@Generated Customer owner) {
        this.owner = owner;
    }

    @BeforeEach
    void fillRepository(@Generated Customer walkIn) {
        repository.addAll(seedCustomers);
        repository.add(walkIn);
    }

    @Test
    void theRepositoryHoldsTheSeedCustomersAndTheWalkIn() {
        assertThat(repository).hasSize(6);
        assertThat(repository).extracting(Customer::email).allSatisfy(email -> assertThat(email).contains("@"));
    }

    @Test
    void theOwnerAndTheCouponAreThere() {
        assertThat(owner.name()).isNotBlank();
        assertThat(coupon.get("code").asText()).isNotBlank();
    }
}

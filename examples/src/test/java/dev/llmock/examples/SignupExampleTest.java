package dev.llmock.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.junit.Generated;
import dev.llmock.junit.LlmockAssertions;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The everyday use: {@code @Generated} parameters, shaped by their types or by a template.
 * The fixtures replay from {@code src/test/resources/llmock/cassettes/dev.llmock.examples.SignupExampleTest.json}.
 */
class SignupExampleTest {

    record Address(String street, String city, String state, String zip) {
    }

    record User(@Size(min = 1, max = 40) String firstName, @Size(min = 1, max = 40) String lastName,
                @Email String email, @Min(18) @Max(99) int age, Address address) {
    }

    /** The code under test: a tiny sign-up rule set. */
    static boolean canSignUp(User user) {
        return user.age() >= 18 && user.email().contains("@") && !user.address().zip().isBlank();
    }

    @Test
    void aGeneratedUserCanSignUp(@Generated User user) {
        assertThat(canSignUp(user)).isTrue();
        assertThat(user.email()).startsWith(user.firstName().toLowerCase().substring(0, 1));
    }

    @Test
    void twoUsersInOneTestAreDifferentPeople(@Generated User first, @Generated User second) {
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aBasketOfProductsFromATemplate(
            @Generated(shape = "{\"sku\":\"string\",\"name\":\"string\",\"price\":0.0,\"quantity\":0}", count = 3)
            List<JsonNode> basket) {
        assertThat(basket).hasSize(3);
        double total = basket.stream().mapToDouble(line -> line.get("price").asDouble() * line.get("quantity").asInt())
                .sum();
        assertThat(total).isNotNegative();
        basket.forEach(line -> LlmockAssertions.assertThat(line)
                .conformsTo("{\"sku\":\"string\",\"name\":\"string\",\"price\":0.0,\"quantity\":0}"));
    }
}

package dev.llmock.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.junit.Generated;
import dev.llmock.junit.LlmockSettings;
import jakarta.validation.constraints.Email;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A project whose {@code llmock.json} ({@code src/test/resources/openai/llmock.json}) names a key-protected OpenAI
 * backend, {@code "apiKey": "${OPENAI_API_KEY}"}: CI replays the committed cassette with {@code OPENAI_API_KEY} unset,
 * because placeholders are resolved only when a backend is used live, and replay uses none.
 *
 * <p>The cassette was recorded once, in {@code record} mode, against an OpenAI-compatible server on 127.0.0.1 with
 * {@code -DOPENAI_BASE_URL=http://127.0.0.1:<port>/v1 -DOPENAI_API_KEY=<key>}; the key is in no file. To record it
 * against OpenAI itself, set {@code OPENAI_API_KEY} and run with {@code -Dllmock.mode=rerecord}.
 */
@LlmockSettings(config = "src/test/resources/openai/llmock.json")
class KeyProtectedReplayExampleTest {

    record Customer(String name, @Email String email, String city) {
    }

    @Test
    void aCustomerWrittenByTheModelReplaysWithoutTheKey(@Generated(backend = "cloud") Customer customer) {
        assertThat(customer).isEqualTo(new Customer("Ada Lovelace", "ada.lovelace@example.com", "London"));
    }

    @Test
    void aListOfCustomersReplaysInTheOrderRecorded(@Generated(backend = "cloud", count = 3) List<Customer> customers) {
        assertThat(customers).extracting(Customer::name)
                .containsExactly("Ada Lovelace", "Grace Hopper", "Alan Turing");
    }
}

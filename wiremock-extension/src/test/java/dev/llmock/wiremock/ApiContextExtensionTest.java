package dev.llmock.wiremock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.LlmockConfig;
import dev.llmock.junit.Generated;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class ApiContextExtensionTest {
    @TempDir
    Path dir;

    private EngineExecutionResults run(Class<?> testCase, String mode) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("llmock.cassettes.dir", dir.toString())
                .configurationParameter("llmock.mode", mode)
                .selectors(selectClass(testCase))
                .execute();
    }

    @Test
    void aGeneratedCustomerIsWhatTheMockApiAnswersInTheExtensionsContext() {
        ShopTestCase.SEEN.clear();

        EngineExecutionResults recording = run(ShopTestCase.class, "record");
        Map<String, String> recorded = Map.copyOf(ShopTestCase.SEEN);
        ShopTestCase.SEEN.clear();
        EngineExecutionResults replaying = run(ShopTestCase.class, "replay");

        recording.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        replaying.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(recorded).containsKeys("customer", "order", "fresh");
        assertThat(ShopTestCase.SEEN).isEqualTo(recorded);
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ShopTestCase {
        static final Map<String, String> SEEN = new ConcurrentHashMap<>();

        @RegisterExtension
        static LlmockWireMockExtension api = LlmockWireMockExtension.newInstance()
                .config(LlmockConfig.none()).context("shop").build();

        record Customer(long id, String name, String email) {
        }

        @Test
        @Order(1)
        void theMockApiAnswersWithTheGeneratedCustomer(@Generated Customer customer) {
            JsonNode fetched = Http.get(api.url("/api/mock/customers/" + customer.id())).json();
            JsonNode order = Http.get(api.url("/api/mock/orders/1?shape=" + Http.encode(
                    "{\"id\":0,\"customerId\":0,\"customerEmail\":\"email\",\"total\":0.0}"))).json();

            assertThat(fetched.get("name").asText()).isEqualTo(customer.name());
            assertThat(fetched.get("email").asText()).isEqualTo(customer.email());
            assertThat(order.get("customerId").asLong()).isEqualTo(customer.id());
            assertThat(order.get("customerEmail").asText()).isEqualTo(customer.email());
            assertThat(api.context().entities("/customers")).hasSize(1);
            SEEN.put("customer", fetched.toString());
            SEEN.put("order", order.toString());
        }

        @Test
        @Order(2)
        void eachTestStartsWithAnEmptyContext() {
            List<JsonNode> before = api.context().entities("/customers");
            Http.Reply fresh = Http.get(api.url("/api/mock/customers/1"));

            assertThat(before).isEmpty();
            assertThat(fresh.header("X-Llmock-Source")).isIn("generated", "replayed");
            SEEN.put("fresh", fresh.text());
        }
    }
}

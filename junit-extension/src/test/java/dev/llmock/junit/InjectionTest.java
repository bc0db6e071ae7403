package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InjectionTest {
    @TempDir
    Path cassettes;

    record User(String firstName, String lastName, String email, int age) {
    }

    public static class Product {
        private String sku;
        private double price;

        public String getSku() {
            return sku;
        }

        public void setSku(String sku) {
            this.sku = sku;
        }

        public double getPrice() {
            return price;
        }

        public void setPrice(double price) {
            this.price = price;
        }
    }

    static class EveryPositionTestCase {
        @Generated
        static User staticUser;

        @Generated
        User fieldUser;

        private final User constructed;
        private User fromBeforeEach;

        EveryPositionTestCase(@Generated User constructed) {
            this.constructed = constructed;
        }

        @BeforeEach
        void setUp(@Generated User user) {
            this.fromBeforeEach = user;
        }

        @Test
        void everyPositionIsFilled(@Generated User parameter) {
            for (User user : List.of(staticUser, fieldUser, constructed, fromBeforeEach, parameter)) {
                assertThat(user.email()).contains("@");
                assertThat(user.email()).startsWith(user.firstName().toLowerCase().replaceAll("[^a-z]", "").substring(0, 1));
                assertThat(user.age()).isBetween(18, 90);
            }
        }
    }

    static class EveryTypeTestCase {
        static final String SHAPE = "{\"sku\":\"string\",\"price\":0.0}";

        @Test
        void recordsAndBeans(@Generated User user, @Generated Product product) {
            assertThat(user.lastName()).isNotBlank();
            assertThat(product.getSku()).matches("[A-Z]{3}-[0-9]{5}");
            assertThat(product.getPrice()).isPositive();
        }

        @Test
        void jsonNodeStringAndMap(@Generated(shape = SHAPE) JsonNode node, @Generated(shape = SHAPE) String text,
                                  @Generated(shape = SHAPE) Map<String, Object> map) {
            assertThat(node.get("sku").asText()).matches("[A-Z]{3}-[0-9]{5}");
            assertThat(text).startsWith("{\"sku\":\"");
            assertThat(map).containsOnlyKeys("sku", "price");
        }

        @Test
        void containersHoldExactlyCountRecords(@Generated(count = 3) List<User> list,
                                               @Generated(count = 4) Set<User> set,
                                               @Generated(count = 5) User[] array,
                                               @Generated(count = 6, shape = SHAPE) Stream<JsonNode> stream) {
            assertThat(list).hasSize(3);
            assertThat(set).hasSize(4);
            assertThat(array).hasSize(5);
            assertThat(stream).hasSize(6);
        }

        @Test
        void shapeFromAResource(@Generated(shapeResource = "shapes/order.json") JsonNode order) {
            assertThat(order.get("lines").isArray()).isTrue();
            assertThat(order.get("status").asText()).isIn("open", "paid", "shipped");
        }
    }

    static class OuterTestCase {
        @Test
        void outer(@Generated User user) {
            assertThat(user.email()).contains("@");
        }

        @org.junit.jupiter.api.Nested
        class Inner {
            @Test
            void inner(@Generated(shape = "{\"nickname\":\"string\"}") JsonNode node) {
                assertThat(node.get("nickname").asText()).isNotBlank();
            }
        }
    }

    @Test
    void nestedClassesShareTheTopLevelClassCassette() throws Exception {
        Kit.run(OuterTestCase.class, cassettes, "record").testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(java.nio.file.Files.list(cassettes).map(p -> p.getFileName().toString())
                .filter(name -> name.endsWith(".json")))
                .as("one cassette (next to the directory's lock)").containsExactly(OuterTestCase.class.getName() + ".json");
        assertThat(java.nio.file.Files.readString(cassettes.resolve(OuterTestCase.class.getName() + ".json")))
                .contains("nickname").contains("firstName");
    }

    static class PatternsTestCase {
        @Test
        void stagesAndConsensus(@Generated(backend = "fast", enrich = "quality", validate = "premium") User staged,
                                @Generated(consensus = {"fast", "quality"}) User voted,
                                @Generated(backend = "auto") User routed) {
            assertThat(List.of(staged, voted, routed)).allSatisfy(user -> assertThat(user.email()).contains("@"));
        }
    }

    @Test
    void patternAttributesReachTheRequestAndTheCassette() throws Exception {
        Kit.run(PatternsTestCase.class, cassettes, "record").testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));

        String cassette = java.nio.file.Files.readString(cassettes.resolve(PatternsTestCase.class.getName() + ".json"));
        assertThat(cassette).contains("\"role\": \"enrich\"").contains("\"role\": \"validate\"")
                .contains("\"consensus\"").contains("\"backend\": \"auto\"");
    }

    @Test
    void injectsIntoEveryPosition() {
        Kit.run(EveryPositionTestCase.class, cassettes, "record").testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void injectsEverySupportedType() {
        Kit.run(EveryTypeTestCase.class, cassettes, "record").testEvents()
                .assertStatistics(stats -> stats.started(4).succeeded(4));
    }
}

package dev.llmock.examples.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.llmock.wiremock.LlmockCassettePerClass;
import dev.llmock.wiremock.LlmockResponseTransformer;
import dev.llmock.wiremock.LlmockWireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

/** Each Spring test class records into its own cassette, with either wiring, and each entry names its test. */
class CassettePerClassTest {
    @TempDir
    Path cassettes;

    static MappingBuilder products() {
        return get(urlPathTemplate("/products/{id}")).willReturn(aResponse()
                .withTransformers("llmock").withTransformerParameter("shape", CatalogClientTest.PRODUCT));
    }

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
    static class FirstTestCase {
        @RegisterExtension
        static LlmockWireMockExtension catalog = LlmockWireMockExtension.newInstance().build();

        @DynamicPropertySource
        static void catalogUrl(DynamicPropertyRegistry registry) {
            registry.add("catalog.base-url", catalog::baseUrl);
        }

        @Autowired
        CatalogClient client;

        @Test
        void first() {
            catalog.stubFor(products());
            assertThat(client.product(1).id()).isEqualTo(1);
        }
    }

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
    static class SecondTestCase {
        @RegisterExtension
        static LlmockWireMockExtension catalog = LlmockWireMockExtension.newInstance().build();

        @DynamicPropertySource
        static void catalogUrl(DynamicPropertyRegistry registry) {
            registry.add("catalog.base-url", catalog::baseUrl);
        }

        @Autowired
        CatalogClient client;

        @Test
        void second() {
            catalog.stubFor(products());
            assertThat(client.product(2).id()).isEqualTo(2);
        }
    }

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
    @EnableWireMock(@ConfigureWireMock(name = "catalog", baseUrlProperties = "catalog.base-url",
            extensions = LlmockResponseTransformer.class))
    @ExtendWith(LlmockCassettePerClass.class)
    static class ScannedTestCase {
        @InjectWireMock("catalog")
        WireMockServer catalog;

        @Autowired
        CatalogClient client;

        @Test
        void scanned() {
            catalog.stubFor(products());
            assertThat(client.product(3).id()).isEqualTo(3);
        }
    }

    @Test
    void everyTestClassGetsItsOwnCassette() throws Exception {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("llmock.cassettes.dir", cassettes.toString())
                .configurationParameter("llmock.mode", "record")
                .selectors(selectClass(FirstTestCase.class), selectClass(SecondTestCase.class),
                        selectClass(ScannedTestCase.class))
                .execute().testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));

        try (Stream<Path> files = Files.list(cassettes)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")))
                    .as("one cassette per class (next to the directory's lock)").containsExactlyInAnyOrder(
                    FirstTestCase.class.getName() + ".json", SecondTestCase.class.getName() + ".json",
                    ScannedTestCase.class.getName() + ".json");
        }
        assertThat(tests(FirstTestCase.class)).containsExactly("FirstTestCase.first()");
        assertThat(tests(SecondTestCase.class)).containsExactly("SecondTestCase.second()");
        assertThat(tests(ScannedTestCase.class)).containsExactly("ScannedTestCase.scanned()");
    }

    private List<String> tests(Class<?> testCase) throws Exception {
        JsonNode cassette = new ObjectMapper().readTree(cassettes.resolve(testCase.getName() + ".json").toFile());
        List<String> tests = new ArrayList<>();
        cassette.get("entries").forEach(entry -> tests.add(entry.get("test").asText()));
        return tests;
    }
}

package dev.llmock.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.junit.Generated;
import dev.llmock.wiremock.LlmockWireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What llmock keeps in JUnit's stores is closed by every supported JUnit: as a {@code CloseableResource} by 5.10 to
 * 5.12, as an {@code AutoCloseable} by 5.13 on and 6, which log a warning for a {@code CloseableResource} that is not
 * also {@code AutoCloseable}. CI runs this class on JUnit 5 and on JUnit 6.
 */
class JUnitStoreTest {
    private static final Logger JUNIT_LOG = Logger.getLogger("org.junit");

    @TempDir
    Path cassettes;

    static class BothExtensionsTestCase {
        @RegisterExtension
        static LlmockWireMockExtension api = LlmockWireMockExtension.newInstance().build();

        @Test
        void usesBoth(@Generated(shape = "{\"name\":\"string\"}") JsonNode user) {
            assertThat(user.get("name").asText()).isNotBlank();
        }
    }

    @Test
    void storedValuesAreClosedWithoutJUnitWarnings() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(String.valueOf(record.getMessage()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        JUNIT_LOG.addHandler(handler);
        try {
            EngineTestKit.engine("junit-jupiter")
                    .configurationParameter("llmock.cassettes.dir", cassettes.toString())
                    .configurationParameter("llmock.mode", "record")
                    .selectors(selectClass(BothExtensionsTestCase.class))
                    .execute().testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        } finally {
            JUNIT_LOG.removeHandler(handler);
        }

        assertThat(warnings).noneMatch(warning -> warning.contains("CloseableResource"));
        // closing worked: the class's cassette was written when JUnit closed the class's store
        assertThat(Files.exists(cassettes.resolve(BothExtensionsTestCase.class.getName() + ".json"))).isTrue();
    }
}

package dev.llmock.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.llmock.junit.Generated;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class TestFixturesTest {
    @TempDir
    Path dir;

    record Customer(String name, String city) {
    }

    static class SometimesFailingTestCase {
        static volatile boolean fail;

        @Test
        void checksACustomer(@Generated Customer customer) {
            if (fail) {
                throw new AssertionError("the customer check fails this time");
            }
        }
    }

    private EngineExecutionResults run(String mode, boolean fail) {
        SometimesFailingTestCase.fail = fail;
        return EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(true)
                .configurationParameter("llmock.cassettes.dir", dir.toString())
                .configurationParameter("llmock.mode", mode)
                .selectors(selectClass(SometimesFailingTestCase.class))
                .execute();
    }

    private Path cassette() {
        return dir.resolve(SometimesFailingTestCase.class.getName() + ".json");
    }

    @Test
    void aFailingTestInRerecordLeavesItsEarlierEntryByteForByte() throws Exception {
        run("record", false).testEvents().assertStatistics(stats -> stats.succeeded(1));
        byte[] recorded = Files.readAllBytes(cassette());

        EngineExecutionResults rerecording = run("rerecord", true);

        rerecording.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(Files.readAllBytes(cassette())).isEqualTo(recorded);
    }

    @Test
    void aPassingTestInRerecordReplacesItsEntry() throws Exception {
        run("record", false);
        byte[] recorded = Files.readAllBytes(cassette());

        run("rerecord", false).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(Files.readAllBytes(cassette())).isNotEqualTo(recorded);
    }

    @Test
    void aFailingTestInRecordKeepsWhatItRecordedSoTheFailureReplays() throws Exception {
        run("record", true).testEvents().assertStatistics(stats -> stats.failed(1));

        assertThat(Files.readString(cassette())).contains("SometimesFailingTestCase.checksACustomer(Customer)");
        run("replay", true).testEvents().assertStatistics(stats -> stats.failed(1));
    }
}

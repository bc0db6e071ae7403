package dev.llmock.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.llmock.junit.Generated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code @Generated} with a backend on the local model: nothing beyond the backend SPI is needed. */
class GeneratedOnLocalModelTest {
    static final List<Person> SEEN = new ArrayList<>();

    @TempDir
    Path dir;

    /** {@code long}: the shape's integer has no bounds, and llama.cpp's grammar allows up to 16 digits. */
    public record Person(String name, long age, boolean active) {
    }

    static class PeopleTestCase {
        @Test
        void people(@Generated(shape = LlamaCppBackendTest.PERSON, backend = "local", count = 3) List<Person> people) {
            SEEN.addAll(people);
        }
    }

    private EngineExecutionResults run(String mode, Path config) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("llmock.config", config.toString())
                .configurationParameter("llmock.cassettes.dir", dir.resolve("cassettes").toString())
                .configurationParameter("llmock.mode", mode)
                .selectors(selectClass(PeopleTestCase.class))
                .execute();
    }

    private Path config(String name, String model) throws Exception {
        return Files.writeString(dir.resolve(name), "{\"limits\":{\"maxStringLength\":24},\"backends\":[{"
                + "\"name\":\"local\",\"provider\":\"llamacpp\",\"model\":" + model + ",\"contextSize\":2048,"
                + "\"threads\":2,\"maxTokens\":1024}]}");
    }

    @Test
    void recordsFixturesFromTheLocalModelAndReplaysThemWithoutIt() throws Exception {
        SEEN.clear();
        run("record", config("llmock.json", TinyModel.json())).testEvents().assertStatistics(s -> s.succeeded(1));
        List<Person> recorded = List.copyOf(SEEN);
        SEEN.clear();

        run("replay", config("no-model.json", "\"models/not-on-this-machine.gguf\"")).testEvents()
                .assertStatistics(s -> s.succeeded(1));

        assertThat(recorded).hasSize(3).allSatisfy(person -> assertThat(person.name()).isNotNull());
        assertThat(SEEN).isEqualTo(recorded);
        String cassette = Files.readString(dir.resolve("cassettes/" + PeopleTestCase.class.getName() + ".json"));
        assertThat(cassette).contains("\"provider\": \"llamacpp\"").contains("\"backend\": \"local\"");
    }
}

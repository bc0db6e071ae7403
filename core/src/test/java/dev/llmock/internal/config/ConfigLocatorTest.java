package dev.llmock.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.ConfigException;
import dev.llmock.LlmockConfig;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocatorTest {
    @TempDir
    Path dir;

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();

    private Path config(String file, String backendName) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "{\"backends\": [{\"name\": \"" + backendName + "\", \"provider\": \"synthetic\"}]}");
        return path;
    }

    private ConfigLocator locator(Path classpathRoot) throws IOException {
        Files.createDirectories(classpathRoot);
        ClassLoader loader = new URLClassLoader(new URL[] {classpathRoot.toUri().toURL()}, null);
        return new ConfigLocator(properties::get, env::get, loader);
    }

    @Test
    void systemPropertyComesFirst() throws IOException {
        properties.put("llmock.config", config("prop/llmock.json", "fromProperty").toString());
        env.put("LLMOCK_CONFIG", config("env/llmock.json", "fromEnv").toString());
        config("classpath/llmock.json", "fromClasspath");

        LlmockConfig loaded = locator(dir.resolve("classpath")).load();

        assertThat(loaded.backends().get(0).name()).isEqualTo("fromProperty");
        assertThat(loaded.source()).isEqualTo(dir.resolve("prop/llmock.json").toString());
    }

    @Test
    void environmentVariableComesSecond() throws IOException {
        env.put("LLMOCK_CONFIG", config("env/llmock.json", "fromEnv").toString());
        config("classpath/llmock.json", "fromClasspath");

        assertThat(locator(dir.resolve("classpath")).load().backends().get(0).name()).isEqualTo("fromEnv");
    }

    @Test
    void classpathRootComesThird() throws IOException {
        properties.put("llmock.config", " ");
        config("classpath/llmock.json", "fromClasspath");

        LlmockConfig loaded = locator(dir.resolve("classpath")).load();

        assertThat(loaded.backends().get(0).name()).isEqualTo("fromClasspath");
        assertThat(loaded.source()).endsWith("classpath/llmock.json").startsWith("file:");
    }

    @Test
    void noConfigurationAnywhereMeansNone() throws IOException {
        LlmockConfig loaded = locator(dir.resolve("empty")).load();

        assertThat(loaded).isEqualTo(LlmockConfig.none());
        assertThat(loaded.isEmpty()).isTrue();
        assertThat(loaded.source()).isEqualTo("none");
    }

    @Test
    void classpathConfigKeepsPlaceholdersForTheBackendsFirstLiveUse() throws IOException {
        Path root = dir.resolve("classpath");
        Files.createDirectories(root);
        Files.writeString(root.resolve("llmock.json"), "{\"backends\": [{\"name\": \"q\", \"provider\": \"openai\","
                + " \"apiKey\": \"${KEY}\"}]}");
        env.put("KEY", "secret");

        assertThat(locator(root).load().backends().get(0).apiKey()).isEqualTo("${KEY}");
    }

    @Test
    void missingFileNamedByThePropertyFailsClearly() throws IOException {
        Path missing = dir.resolve("nope.json");
        properties.put("llmock.config", missing.toString());

        assertThatThrownBy(() -> locator(dir.resolve("classpath")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("The configuration file " + missing.toAbsolutePath() + " (from -Dllmock.config=" + missing
                        + ") does not exist. Create it, or correct the path.");
    }

    @Test
    void missingFileNamedByTheEnvironmentFailsClearly() throws IOException {
        Path missing = dir.resolve("nope.json");
        env.put("LLMOCK_CONFIG", missing.toString());

        assertThatThrownBy(() -> locator(dir.resolve("classpath")).load())
                .hasMessage("The configuration file " + missing.toAbsolutePath() + " (from LLMOCK_CONFIG=" + missing
                        + ") does not exist. Create it, or correct the path.");
    }
}

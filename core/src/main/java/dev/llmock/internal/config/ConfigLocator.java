package dev.llmock.internal.config;

import dev.llmock.ConfigException;
import dev.llmock.LlmockConfig;
import dev.llmock.SettingResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Finds {@code llmock.json}: the setting {@link LlmockConfig#FILE} (system property, then environment variable), then
 * the classpath root.
 */
public final class ConfigLocator {
    private final Function<String, String> properties;
    private final Function<String, String> env;
    private final ClassLoader classLoader;

    public ConfigLocator(Function<String, String> properties, Function<String, String> env, ClassLoader classLoader) {
        this.properties = properties;
        this.env = env;
        this.classLoader = classLoader;
    }

    public static ConfigLocator systemDefault() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new ConfigLocator(System::getProperty, System::getenv,
                loader != null ? loader : ConfigLocator.class.getClassLoader());
    }

    public LlmockConfig load() {
        SettingResolver.Resolved<Path> file = SettingResolver.of(properties, env).resolve(LlmockConfig.FILE, null);
        if (file.value() != null) {
            String origin = (file.origin() == SettingResolver.Origin.PROPERTY ? "-D" : "") + file.where() + "="
                    + file.value();
            return fromFile(file.value(), origin);
        }
        URL resource = classLoader.getResource(LlmockConfig.CONFIG_RESOURCE);
        if (resource == null) {
            return LlmockConfig.none();
        }
        try (InputStream in = resource.openStream()) {
            return ConfigReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource.toString());
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    public LlmockConfig fromFile(Path file) {
        return fromFile(file, file.toString());
    }

    private LlmockConfig fromFile(Path file, String origin) {
        try {
            return ConfigReader.read(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException("The configuration file " + file.toAbsolutePath() + " (from " + origin
                    + ") does not exist. Create it, or correct the path.", e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the configuration file " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }
}

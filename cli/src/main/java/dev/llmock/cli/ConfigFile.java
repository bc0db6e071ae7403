package dev.llmock.cli;

import dev.llmock.LlmockConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code llmock.json} of a command: {@code --config}, else the usual lookup ({@link LlmockConfig#FILE}, then the
 * classpath), else {@code ./llmock.json} when it exists.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    static LlmockConfig load(Path option) {
        if (option != null) {
            if (!Files.isRegularFile(option)) {
                throw new LlmockCommand.BadInputException("The configuration file " + option.toAbsolutePath()
                        + " does not exist.");
            }
            return LlmockConfig.fromFile(option);
        }
        LlmockConfig found = LlmockConfig.load();
        Path local = Path.of(LlmockConfig.CONFIG_RESOURCE);
        if (found.isEmpty() && "none".equals(found.source()) && Files.isRegularFile(local)) {
            return LlmockConfig.fromFile(local);
        }
        return found;
    }
}

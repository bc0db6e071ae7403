package dev.llmock.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** llmock logs through {@link System.Logger} only, so users route it once (to SLF4J, Log4j or JUL) for every module. */
class OneLoggingApiTest {

    @Test
    void noModuleOfLlmockUsesJavaUtilLoggingOrAnotherLoggingApi() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/main/java/"))
                    // the benchmarks are not llmock: they read its prompt log as a user would, through the JDK's logging
                    .filter(file -> !root.relativize(file).startsWith("benchmarks"))
                    .collect(Collectors.toList());
        }
        assertThat(sources).as("main sources under " + root).isNotEmpty();
        assertThat(sources).allSatisfy(file -> assertThat(Files.readString(file)).as(file.toString())
                .doesNotContain("java.util.logging")
                .doesNotContain("org.slf4j")
                .doesNotContain("org.apache.logging")
                .doesNotContain("org.apache.commons.logging"));
    }
}
